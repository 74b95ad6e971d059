#!/usr/bin/env bash
# The README's demo: installs what is needed, builds `ro`, loads the real
# Nhơn Trạch 2026 plan (Workflows/nhon-trach-2026.yaml, from seed 002) and takes
# two of its tasks through assign → accept → report → return → report again →
# approve, with a late report carrying an indicator value, with the clock set by
# RO_NOW; then prints the month's status, the indicators and the history.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/opt/swift/usr/bin:$PATH"

bash Tools/install-deps.sh
swift build --product ro
bin="$(swift build --show-bin-path)/ro"
ro() { echo "\$ ro $*" | cut -c1-160; "$bin" "$@"; }

export RO_DB="${RO_DB:-$(mktemp -d)/demo.sqlite}"
echo "== Kho dữ liệu demo: $RO_DB"
at() { export RO_NOW="$1"; echo "-- giờ: $1"; }

at 2026-11-02T08:00:00+07:00
ro init --admin quantri --name "Nguyễn Quản Trị"
ro user add chutich --name "Lư Thành Nam" --role leader --email chutich@demo.ro.test --as quantri
ro user add daumoi --name "Lê Thị Thanh" --role coordinator --email daumoi@demo.ro.test --as quantri
ro user add thanhtra --name "Võ Thị Kiểm" --role auditor --as quantri

echo; echo "== Kiểm tra và nạp Kế hoạch Nhơn Trạch 2026 (đầu mối)"
ro plan check Workflows/nhon-trach-2026.yaml 2>/dev/null
ro plan load Workflows/nhon-trach-2026.yaml --as daumoi 2>/dev/null
ro plan list
ro user add lan.vhxh --name "Phạm Thị Lan" --role officer --unit vhxh --email lan.vhxh@demo.ro.test --as quantri
ro user add hung.hcc --name "Đỗ Văn Hùng" --role officer --unit hcc --email hung.hcc@demo.ro.test --as quantri
ro calendar load Workflows/calendar-vn.yaml --as quantri

echo; echo "== Đơn vị tiếp nhận và báo cáo tháng 11"
at 2026-11-04T09:00:00+07:00
ro accept nt-2026/III.1.2 --as lan.vhxh
ro accept nt-2026/III.3.3 --as hung.hcc --note "Bộ phận một cửa phụ trách"
at 2026-11-12T15:00:00+07:00
ro report nt-2026/III.1.2 --as lan.vhxh --period 2026-11 --percent 40 \
  --summary "Đã hoàn thành dự thảo Kế hoạch chuyển đổi số, đang lấy ý kiến các phòng."

echo; echo "== Lãnh đạo trả lại báo cáo, đơn vị báo cáo lại, lãnh đạo duyệt"
at 2026-11-14T10:00:00+07:00
ro return nt-2026/III.1.2 --as chutich --period 2026-11 --reason "Cần nêu rõ số phòng, ban đã góp ý và thời gian trình ban hành."
at 2026-11-18T16:20:00+07:00
ro report nt-2026/III.1.2 --as lan.vhxh --period 2026-11 --percent 45 \
  --summary "Dự thảo đã lấy ý kiến 6/6 phòng, ban; dự kiến trình UBND xã ban hành ngày 10/12/2026." \
  --output "Dự thảo Kế hoạch (lần 2)"
at 2026-11-19T08:00:00+07:00
ro approve nt-2026/III.1.2 --as chutich --period 2026-11 --revision 2 --note "Đồng ý, khẩn trương hoàn thiện."

echo; echo "== Một báo cáo đến sau ngày 20: được nhận và đánh dấu trễ hạn, kèm giá trị chỉ tiêu"
at 2026-11-21T09:15:00+07:00
ro report nt-2026/III.3.3 --as hung.hcc --period 2026-11 --indicator CT11=91.5 --indicator CT12=78 \
  --summary "Tỷ lệ hồ sơ trực tuyến tháng 11 đạt 91,5%; thanh toán trực tuyến đạt 78%."
ro approve nt-2026/III.3.3 --as lan.vhxh --period 2026-11 || echo "(đúng quy định: cán bộ đơn vị không được duyệt)"

echo; echo "== Nhắc việc: ngày nghỉ năm 2026, rồi một lượt nhắc qua sendmail (exim4) sáng 24/11"
ro calendar show --year 2026
at 2026-11-24T07:30:00+07:00
export RO_MAIL_FROM=ro@demo.ro.test
ro remind --dry-run | sed -n 1,12p
ro remind | tail -n 8 || echo "(mã 69: có đơn vị chưa có địa chỉ email; đã ghi nhận, xem ro reminders)"
ro reminders | sed -n 1,8p
echo; echo "== Thư nhắc của Trung tâm PV HCC như người nhận đọc (hộp thư /var/mail/ro-test)"
sleep 2
python3 - <<'PY'
import email.policy, mailbox
box = mailbox.mbox("/var/mail/ro-test", factory=lambda f: __import__("email").message_from_binary_file(f, policy=email.policy.default))
mine = [m for m in box if "demo.ro.test" in str(m["Message-ID"]) and "hung.hcc" in str(m["To"])]
m = mine[-1]
for name in ("Date", "From", "To", "Subject", "Message-ID", "Auto-Submitted"):
    print(f"{name}: {m[name]}")
print()
print(m.get_content())
PY

echo; echo "== Tình hình báo cáo tháng 11/2026"
ro status --period 2026-11
echo; echo "== Chỉ tiêu năm 2026 do Trung tâm Phục vụ hành chính công theo dõi"
ro indicators --year 2026 --unit hcc
echo; echo "== Chi tiết và lịch sử nhiệm vụ nt-2026/III.1.2"
ro task show nt-2026/III.1.2
echo
ro history nt-2026/III.1.2
echo; echo "== Lịch sử nhiệm vụ nt-2026/III.3.3"
ro history nt-2026/III.3.3
echo
ro verify
