/*
 * rawlimit: what plain SQLite can do on this disk, with Rõ's durability.
 *
 * Usage: rawlimit DIR COMMITS SCAN_EVENTS
 *
 * Each database is a file in DIR with journal_mode=WAL, synchronous=FULL and
 * the default page size, as Rõ's store is. Three figures, each the best of 3:
 *   commits: COMMITS transactions of one ~300-byte row each (BEGIN IMMEDIATE,
 *            INSERT, COMMIT), with prepared statements reused;
 *   group:   the same COMMITS rows in a single transaction, for reference;
 *   scan:    reading SCAN_EVENTS rows of a table shaped like Rõ's events table
 *            in position order, every column.
 * Prints one JSON object on stdout; diagnostics and errors go to stderr.
 * Build: cc -O2 -o /tmp/rawlimit Tools/Benchmarks/Limit/rawlimit.c -lsqlite3
 */
#define _POSIX_C_SOURCE 200809L
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define RUNS 3

static char db_path[4096];
static sqlite3 *db;

/* Removes the database and its WAL and shared-memory files. */
static void remove_files(void) {
    static const char *suffixes[] = {"", "-wal", "-shm", "-journal"};
    char name[4200];
    for (size_t i = 0; i < sizeof suffixes / sizeof *suffixes; i++) {
        snprintf(name, sizeof name, "%s%s", db_path, suffixes[i]);
        unlink(name);
    }
}

static void cleanup(void) {
    if (db) { sqlite3_close_v2(db); db = NULL; }
    if (db_path[0]) remove_files();
}

static void fail(const char *what) {
    fprintf(stderr, "rawlimit: %s: %s\n", what, db ? sqlite3_errmsg(db) : "no database");
    exit(1); /* atexit runs cleanup() */
}

static void exec(const char *sql) {
    if (sqlite3_exec(db, sql, NULL, NULL, NULL) != SQLITE_OK) fail(sql);
}

static sqlite3_stmt *prepare(const char *sql) {
    sqlite3_stmt *stmt = NULL;
    if (sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK) fail(sql);
    return stmt;
}

static void step_done(sqlite3_stmt *stmt, const char *what) {
    if (sqlite3_step(stmt) != SQLITE_DONE) fail(what);
    sqlite3_reset(stmt);
}

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Cheap deterministic bytes for the 32-byte hashes (xorshift64). */
static unsigned long long rng = 0x9E3779B97F4A7C15ULL;
static void fill_hash(unsigned char out[32]) {
    for (int i = 0; i < 32; i += 8) {
        rng ^= rng << 13; rng ^= rng >> 7; rng ^= rng << 17;
        memcpy(out + i, &rng, 8);
    }
}

/* A new, empty database file with Rõ's settings. */
static void open_fresh(void) {
    cleanup();
    if (sqlite3_open_v2(db_path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK) fail("open");
    exec("PRAGMA journal_mode=WAL");
    exec("PRAGMA synchronous=FULL");
}

/* One row per transaction, or all rows in one when `grouped`. Returns seconds. */
static double insert_rows(int rows, int grouped) {
    open_fresh();
    exec("CREATE TABLE t (id INTEGER PRIMARY KEY, payload TEXT NOT NULL, hash BLOB NOT NULL)");
    char payload[512] = "";
    while (strlen(payload) < 300) strcat(payload, "Báo cáo tiến độ tháng. ");
    sqlite3_stmt *begin = prepare("BEGIN IMMEDIATE");
    sqlite3_stmt *insert = prepare("INSERT INTO t (payload, hash) VALUES (?, ?)");
    sqlite3_stmt *commit = prepare("COMMIT");
    unsigned char hash[32];
    double start = now();
    if (grouped) step_done(begin, "BEGIN");
    for (int i = 0; i < rows; i++) {
        if (!grouped) step_done(begin, "BEGIN");
        fill_hash(hash);
        sqlite3_bind_text(insert, 1, payload, -1, SQLITE_STATIC);
        sqlite3_bind_blob(insert, 2, hash, 32, SQLITE_TRANSIENT);
        step_done(insert, "INSERT");
        if (!grouped) step_done(commit, "COMMIT");
    }
    if (grouped) step_done(commit, "COMMIT");
    double seconds = now() - start;
    sqlite3_finalize(begin); sqlite3_finalize(insert); sqlite3_finalize(commit);
    return seconds;
}

static const char *events_schema =
    "CREATE TABLE events (position INTEGER PRIMARY KEY, stream_id TEXT NOT NULL,"
    " stream_version INTEGER NOT NULL, event_type TEXT NOT NULL, schema_version INTEGER NOT NULL,"
    " payload TEXT NOT NULL, event_id TEXT NOT NULL UNIQUE, command_id TEXT NOT NULL,"
    " actor_login TEXT NOT NULL, actor_role TEXT NOT NULL, actor_unit TEXT,"
    " correlation_id TEXT NOT NULL, causation_id TEXT, recorded_at TEXT NOT NULL,"
    " source TEXT NOT NULL, clock TEXT NOT NULL, previous_hash BLOB NOT NULL, hash BLOB NOT NULL,"
    " UNIQUE (stream_id, stream_version))";

#define ALL_COLUMNS "position, stream_id, stream_version, event_type, schema_version, payload," \
    " event_id, command_id, actor_login, actor_role, actor_unit, correlation_id, causation_id," \
    " recorded_at, source, clock, previous_hash, hash"

/* A 36-character id in UUID shape, unique per (kind, n). */
static void make_id(char out[37], unsigned kind, unsigned long long n) {
    snprintf(out, 37, "%08x-%04x-4%03x-8%03x-%012llx",
             (unsigned)(n * 2654435761u), kind & 0xffff, (unsigned)(n & 0xfff), (unsigned)((n >> 12) & 0xfff),
             n & 0xffffffffffffULL);
}

/* Fills the events table (untimed, one transaction): 26 events per task stream. */
static void fill_events(long long count) {
    exec(events_schema);
    sqlite3_stmt *insert = prepare("INSERT INTO events (" ALL_COLUMNS ") VALUES "
                                   "(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    exec("BEGIN IMMEDIATE");
    unsigned char previous[32] = {0}, hash[32];
    char stream[64], payload[512], event_id[37], command_id[37], recorded[32];
    for (long long position = 1; position <= count; position++) {
        long long task = (position - 1) / 26, version = (position - 1) % 26 + 1;
        const char *type;
        snprintf(stream, sizeof stream, "task-KH-%lld", task);
        snprintf(recorded, sizeof recorded, "2026-11-%02lldT%02lld:%02lld:%02lld.%03lldZ",
                 1 + position % 28, position / 3600 % 24, position / 60 % 60, position % 60, position % 1000);
        if (version == 1) {
            type = "TaskAssigned";
            snprintf(payload, sizeof payload,
                     "{\"at\":\"%s\",\"by\":\"chutich\",\"coUnits\":[],\"due\":\"2026-12-31T16:59:59.999Z\",\"lead\":\"vhxh\","
                     "\"output\":\"Báo cáo kết quả thực hiện\",\"title\":\"Nhiệm vụ số %lld của Kế hoạch "
                     "phát triển kinh tế – xã hội năm 2026\"}", recorded, task);
        } else if (version == 2) {
            type = "TaskAccepted";
            snprintf(payload, sizeof payload,
                     "{\"at\":\"%s\",\"by\":\"lan\",\"note\":\"Phòng Văn hóa – Xã hội nhận nhiệm vụ, "
                     "sẽ báo cáo tiến độ hằng tháng trước ngày 20 và gửi kèm số liệu, hình ảnh minh chứng.\"}", recorded);
        } else if (version % 2 == 1) {
            type = "ReportSubmitted";
            snprintf(payload, sizeof payload,
                     "{\"at\":\"%s\",\"by\":\"lan\",\"percentDone\":%lld,\"period\":\"2026-11\","
                     "\"summary\":\"Đã hoàn thành %lld%% khối lượng; tổ chức 2 hội nghị tuyên truyền cho 250 người; kiểm tra 14 cơ sở.\",\"submittedLate\":false}",
                     recorded, (version - 1) / 2 * 8, (version - 1) / 2 * 8);
        } else {
            type = "ReportApproved";
            snprintf(payload, sizeof payload,
                     "{\"at\":\"%s\",\"by\":\"chutich\",\"note\":\"Đồng ý với báo cáo; đề nghị tiếp tục "
                     "triển khai đúng tiến độ kế hoạch, bổ sung số liệu tháng sau.\",\"period\":\"2026-11\"}", recorded);
        }
        make_id(event_id, 0xe0e0, (unsigned long long)position);
        make_id(command_id, 0xc0c0, (unsigned long long)position);
        fill_hash(hash);
        int officer = version != 1 && version % 2 == 1;
        sqlite3_bind_int64(insert, 1, position);
        sqlite3_bind_text(insert, 2, stream, -1, SQLITE_TRANSIENT);
        sqlite3_bind_int64(insert, 3, version);
        sqlite3_bind_text(insert, 4, type, -1, SQLITE_STATIC);
        sqlite3_bind_int64(insert, 5, 1);
        sqlite3_bind_text(insert, 6, payload, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(insert, 7, event_id, 36, SQLITE_TRANSIENT);
        sqlite3_bind_text(insert, 8, command_id, 36, SQLITE_TRANSIENT);
        sqlite3_bind_text(insert, 9, officer ? "lan" : "chutich", -1, SQLITE_STATIC);
        sqlite3_bind_text(insert, 10, officer ? "officer" : "leader", -1, SQLITE_STATIC);
        if (officer) sqlite3_bind_text(insert, 11, "vhxh", -1, SQLITE_STATIC);
        else sqlite3_bind_null(insert, 11);
        sqlite3_bind_text(insert, 12, command_id, 36, SQLITE_TRANSIENT);
        sqlite3_bind_null(insert, 13);
        sqlite3_bind_text(insert, 14, recorded, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(insert, 15, "web", -1, SQLITE_STATIC);
        sqlite3_bind_text(insert, 16, "system", -1, SQLITE_STATIC);
        sqlite3_bind_blob(insert, 17, previous, 32, SQLITE_TRANSIENT);
        sqlite3_bind_blob(insert, 18, hash, 32, SQLITE_TRANSIENT);
        step_done(insert, "INSERT event");
        memcpy(previous, hash, 32);
    }
    exec("COMMIT");
    sqlite3_finalize(insert);
}

static volatile unsigned long long scan_sink;

/* Steps the whole table in position order, reading every column. Returns seconds. */
static double scan_events(long long expected) {
    sqlite3_stmt *select = prepare("SELECT " ALL_COLUMNS " FROM events ORDER BY position");
    unsigned long long checksum = 0;
    long long rows = 0;
    double start = now();
    int rc;
    while ((rc = sqlite3_step(select)) == SQLITE_ROW) {
        for (int c = 0; c < 18; c++) {
            switch (sqlite3_column_type(select, c)) {
            case SQLITE_INTEGER: checksum += (unsigned long long)sqlite3_column_int64(select, c); break;
            case SQLITE_BLOB: {
                const unsigned char *b = sqlite3_column_blob(select, c);
                int n = sqlite3_column_bytes(select, c);
                if (n > 0) checksum += b[0] + (unsigned)n;
                break;
            }
            case SQLITE_TEXT: {
                const unsigned char *t = sqlite3_column_text(select, c);
                int n = sqlite3_column_bytes(select, c);
                if (n > 0) checksum += t[n - 1] + (unsigned)n;
                break;
            }
            default: break; /* NULL */
            }
        }
        rows++;
    }
    double seconds = now() - start;
    if (rc != SQLITE_DONE) fail("SELECT events");
    sqlite3_finalize(select);
    if (rows != expected) { fprintf(stderr, "rawlimit: scanned %lld rows, expected %lld\n", rows, expected); exit(1); }
    scan_sink = checksum; /* keeps the reads from being optimised away */
    return seconds;
}

static double best(double a, double b) { return a < b ? a : b; }

int main(int argc, char **argv) {
    if (argc != 4) { fprintf(stderr, "usage: rawlimit DIR COMMITS SCAN_EVENTS\n"); return 2; }
    char *end;
    long commits = strtol(argv[2], &end, 10);
    if (*end || commits < 1) { fprintf(stderr, "rawlimit: COMMITS must be a positive integer\n"); return 2; }
    long long scan = strtoll(argv[3], &end, 10);
    if (*end || scan < 1) { fprintf(stderr, "rawlimit: SCAN_EVENTS must be a positive integer\n"); return 2; }
    if (access(argv[1], W_OK) != 0) { fprintf(stderr, "rawlimit: %s is not a writable directory\n", argv[1]); return 2; }
    snprintf(db_path, sizeof db_path, "%s/rawlimit-%ld.sqlite", argv[1], (long)getpid());
    atexit(cleanup);

    double commit_s = 1e300, group_s = 1e300, scan_s = 1e300;
    for (int run = 0; run < RUNS; run++) commit_s = best(commit_s, insert_rows((int)commits, 0));
    for (int run = 0; run < RUNS; run++) group_s = best(group_s, insert_rows((int)commits, 1));

    open_fresh();
    fill_events(scan);
    exec("PRAGMA wal_checkpoint(TRUNCATE)");
    for (int run = 0; run < RUNS; run++) scan_s = best(scan_s, scan_events(scan));

    /* The settings as SQLite reports them, on the connection that did the work. */
    char journal[32] = "?";
    int synchronous = -1;
    sqlite3_stmt *q = prepare("PRAGMA journal_mode");
    if (sqlite3_step(q) == SQLITE_ROW) snprintf(journal, sizeof journal, "%s", (const char *)sqlite3_column_text(q, 0));
    sqlite3_finalize(q);
    q = prepare("PRAGMA synchronous");
    if (sqlite3_step(q) == SQLITE_ROW) synchronous = sqlite3_column_int(q, 0);
    sqlite3_finalize(q);

    printf("{\"sqlite_version\":\"%s\",\"journal_mode\":\"%s\",\"synchronous\":%d,"
           "\"commits\":%ld,\"commit_seconds\":%.6f,\"commits_per_second\":%.1f,"
           "\"group_rows\":%ld,\"group_seconds\":%.6f,"
           "\"scan_events\":%lld,\"scan_seconds\":%.6f,\"scan_events_per_second\":%.1f}\n",
           sqlite3_libversion(), journal, synchronous,
           commits, commit_s, commits / commit_s, commits, group_s,
           scan, scan_s, scan / scan_s);
    return 0;
}
