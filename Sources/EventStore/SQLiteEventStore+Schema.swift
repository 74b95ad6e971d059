import GRDB

extension SQLiteEventStore {
    /// The schema, as GRDB migrations. Never edit a migration once released: add one.
    static let migrator: DatabaseMigrator = {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-events") { db in
            try db.execute(sql: """
                CREATE TABLE events (
                    position INTEGER PRIMARY KEY,
                    stream_id TEXT NOT NULL,
                    stream_version INTEGER NOT NULL,
                    event_type TEXT NOT NULL,
                    schema_version INTEGER NOT NULL,
                    payload TEXT NOT NULL,
                    event_id TEXT NOT NULL UNIQUE,
                    command_id TEXT NOT NULL,
                    actor_login TEXT NOT NULL,
                    actor_role TEXT NOT NULL,
                    actor_unit TEXT,
                    correlation_id TEXT NOT NULL,
                    causation_id TEXT,
                    recorded_at TEXT NOT NULL,
                    source TEXT NOT NULL,
                    clock TEXT NOT NULL CHECK (clock IN ('system', 'simulated')),
                    previous_hash BLOB NOT NULL,
                    hash BLOB NOT NULL,
                    UNIQUE (stream_id, stream_version)
                );
                CREATE INDEX events_command ON events(command_id);
                CREATE TRIGGER events_no_update BEFORE UPDATE ON events
                BEGIN SELECT RAISE(ABORT, 'events are immutable: UPDATE refused'); END;
                CREATE TRIGGER events_no_delete BEFORE DELETE ON events
                BEGIN SELECT RAISE(ABORT, 'events are immutable: DELETE refused'); END;

                CREATE TABLE commands (
                    command_id TEXT PRIMARY KEY,
                    fingerprint TEXT NOT NULL,
                    stream_id TEXT NOT NULL,
                    first_position INTEGER,
                    last_position INTEGER,
                    recorded_at TEXT NOT NULL
                );
                CREATE TRIGGER commands_no_update BEFORE UPDATE ON commands
                BEGIN SELECT RAISE(ABORT, 'commands are immutable: UPDATE refused'); END;
                CREATE TRIGGER commands_no_delete BEFORE DELETE ON commands
                BEGIN SELECT RAISE(ABORT, 'commands are immutable: DELETE refused'); END;
                """)
        }
        migrator.registerMigration("v1-projections") { db in
            try db.execute(sql: """
                CREATE TABLE projection_checkpoints (
                    name TEXT PRIMARY KEY,
                    version INTEGER NOT NULL,
                    position INTEGER NOT NULL
                );
                CREATE TABLE unit_view (
                    unit_id TEXT PRIMARY KEY,
                    name TEXT NOT NULL
                );
                CREATE TABLE user_view (
                    login TEXT PRIMARY KEY,
                    name TEXT NOT NULL,
                    role TEXT NOT NULL,
                    unit_id TEXT,
                    email TEXT
                );
                CREATE TABLE task_view (
                    task_id TEXT PRIMARY KEY,
                    title TEXT NOT NULL,
                    lead_unit TEXT NOT NULL,
                    co_units TEXT NOT NULL,
                    status TEXT NOT NULL,
                    due TEXT,
                    original_due TEXT,
                    output TEXT,
                    assigned_at TEXT NOT NULL,
                    updated_at TEXT NOT NULL,
                    version INTEGER NOT NULL,
                    state TEXT NOT NULL
                );
                CREATE INDEX task_view_lead ON task_view(lead_unit);
                CREATE TABLE report_view (
                    task_id TEXT NOT NULL,
                    period TEXT NOT NULL,
                    lead_unit TEXT NOT NULL,
                    revision INTEGER NOT NULL,
                    status TEXT NOT NULL,
                    summary TEXT NOT NULL,
                    percent_done INTEGER,
                    submitted_by TEXT NOT NULL,
                    submitted_at TEXT NOT NULL,
                    due TEXT NOT NULL,
                    late INTEGER NOT NULL,
                    decided_by TEXT,
                    decided_at TEXT,
                    decision_note TEXT,
                    PRIMARY KEY (task_id, period)
                );
                CREATE INDEX report_view_unit ON report_view(lead_unit, period);
                """)
        }
        migrator.registerMigration("v2-plans") { db in
            try db.execute(sql: """
                ALTER TABLE unit_view ADD COLUMN details TEXT;
                CREATE TABLE plan_view (
                    plan_id TEXT PRIMARY KEY,
                    revision INTEGER NOT NULL,
                    number TEXT NOT NULL,
                    title TEXT NOT NULL,
                    published_at TEXT NOT NULL,
                    plan TEXT NOT NULL
                );
                CREATE TABLE indicator_values (
                    position INTEGER NOT NULL,
                    plan_id TEXT NOT NULL,
                    indicator_id TEXT NOT NULL,
                    task_id TEXT NOT NULL,
                    unit_id TEXT NOT NULL,
                    period TEXT NOT NULL,
                    value REAL NOT NULL,
                    reported_by TEXT NOT NULL,
                    reported_at TEXT NOT NULL,
                    PRIMARY KEY (position, indicator_id)
                );
                CREATE INDEX indicator_values_indicator ON indicator_values(plan_id, indicator_id, position);
                """)
        }
        migrator.registerMigration("v3-reminders") { db in
            try db.execute(sql: """
                CREATE TABLE reminder_mail (
                    message_id TEXT PRIMARY KEY,
                    recipient TEXT,
                    unit_id TEXT,
                    rung TEXT,
                    status TEXT NOT NULL,
                    subject TEXT,
                    intended_at TEXT NOT NULL,
                    updated_at TEXT NOT NULL,
                    attempts INTEGER NOT NULL,
                    exit_status INTEGER,
                    detail TEXT,
                    retry_at TEXT,
                    calendar_version TEXT NOT NULL,
                    position INTEGER NOT NULL
                );
                CREATE INDEX reminder_mail_status ON reminder_mail(status);
                CREATE TABLE reminder_notice (
                    message_id TEXT NOT NULL,
                    notice_key TEXT NOT NULL,
                    item_key TEXT NOT NULL,
                    notice_index INTEGER NOT NULL,
                    task_id TEXT NOT NULL,
                    unit_id TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    period TEXT,
                    offset TEXT NOT NULL,
                    due TEXT NOT NULL,
                    day TEXT NOT NULL,
                    rung TEXT NOT NULL,
                    PRIMARY KEY (message_id, notice_key)
                );
                CREATE INDEX reminder_notice_item ON reminder_notice(item_key);
                CREATE INDEX reminder_notice_task ON reminder_notice(task_id);
                CREATE INDEX reminder_notice_unit ON reminder_notice(unit_id);
                """)
        }
        migrator.registerMigration("v4-deactivation") { db in
            try db.execute(sql: "ALTER TABLE user_view ADD COLUMN deactivated_at TEXT")
        }
        migrator.registerMigration("v5-schedule") { db in
            try db.execute(sql: """
                CREATE TABLE task_schedule (
                    task_id TEXT PRIMARY KEY,
                    plan_id TEXT,
                    next_at INTEGER
                );
                CREATE INDEX task_schedule_next ON task_schedule(next_at);
                CREATE INDEX task_schedule_plan ON task_schedule(plan_id);
                CREATE TABLE schedule_basis (
                    name TEXT PRIMARY KEY,
                    position INTEGER NOT NULL
                );
                """)
        }
        migrator.registerMigration("v6-task-snapshots") { db in
            // The version `state` was written at (NULL: at `version`); see Projector.writeTask.
            try db.execute(sql: "ALTER TABLE task_view ADD COLUMN state_version INTEGER")
        }
        migrator.registerMigration("v7-task-rows") { db in
            // What lists and month statistics read, in small rows (see TaskRow);
            // the state snapshots apart, so a scan of the rows never walks their
            // kilobytes. Read models are disposable: Projector.version 7
            // rebuilds them on the next catch-up.
            try db.execute(sql: """
                DROP TABLE task_view;
                CREATE TABLE task_view (
                    task_id TEXT PRIMARY KEY,
                    title TEXT NOT NULL,
                    lead_unit TEXT NOT NULL,
                    co_units TEXT NOT NULL,
                    status TEXT NOT NULL,
                    due TEXT,
                    original_due TEXT,
                    output TEXT,
                    assigned_at TEXT NOT NULL,
                    updated_at TEXT NOT NULL,
                    version INTEGER NOT NULL,
                    plan_id TEXT,
                    code TEXT,
                    deadline_text TEXT,
                    report_day INTEGER NOT NULL,
                    inactive_since TEXT,
                    report_marks TEXT NOT NULL
                );
                CREATE INDEX task_view_lead ON task_view(lead_unit);
                CREATE TABLE task_snapshot (
                    task_id TEXT PRIMARY KEY,
                    version INTEGER NOT NULL,
                    state TEXT NOT NULL
                );
                """)
        }
        return migrator
    }()
}
