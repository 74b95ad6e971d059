#!/usr/bin/env bash
# The README's demo: installs what is needed, builds `ro`, and takes tasks of
# the Nhơn Trạch 2026 plan (../shared/seeds/002) through
# assign → accept → report → return → report again → approve,
# with the clock set by RO_NOW, then prints the month's status and the history.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/opt/swift/usr/bin:$PATH"

bash Tools/install-deps.sh
swift build --product ro
ro() { "$(swift build --show-bin-path)/ro" "$@"; }

export RO_DB="${RO_DB:-$(mktemp -d)/demo.sqlite}"
echo "== Kho dữ liệu demo: $RO_DB"
at() { export RO_NOW="$1"; }

at 2026-11-02T08:00:00+07:00
ro init --admin quantri --name "Nguyễn Quản Trị" --email quantri@nhontrach.example.vn
ro unit add vhxh --name "Phòng Văn hóa – Xã hội" --as quantri
ro unit add vp --name "Văn phòng HĐND và UBND xã" --as quantri
ro unit add hcc --name "Trung tâm Phục vụ Hành chính công" --as quantri
ro unit add ca --name "Công an xã" --as quantri
ro user add chutich --name "Trần Văn Chủ" --role leader --email chutich@nhontrach.example.vn --as quantri
ro user add daumoi --name "Lê Thị Đầu Mối" --role coordinator --as quantri
ro user add lan.vhxh --name "Phạm Thị Lan" --role officer --unit vhxh --as quantri
ro user add hung.hcc --name "Đỗ Văn Hùng" --role officer --unit hcc --as quantri
ro user add thanhtra --name "Võ Thị Thanh" --role auditor --as quantri

echo "== Giao nhiệm vụ (Kế hoạch Nhơn Trạch 2026, mục III)"
at 2026-11-03T08:30:00+07:00
ro assign NT26-III.1.2 --as chutich --lead vhxh --co vp --due 2026-12-31 \
  --title "Xây dựng Kế hoạch chuyển đổi số xã Nhơn Trạch năm 2026 và giai đoạn 2026–2030" \
  --output "Kế hoạch chuyển đổi số được UBND xã ban hành"
ro assign NT26-III.1.3 --as daumoi --lead vhxh --due 2026-12-15 \
  --title "Kiện toàn Tổ công nghệ số cộng đồng; phân công thành viên phụ trách từng ấp" \
  --output "Quyết định kiện toàn Tổ công nghệ số cộng đồng"
ro assign NT26-III.3.1 --as chutich --lead hcc --co ca --co vp \
  --title "Nâng cao chất lượng cung cấp dịch vụ công trực tuyến; tỷ lệ hồ sơ trực tuyến ≥ 90%"

echo "== Đơn vị tiếp nhận và báo cáo tháng 11"
at 2026-11-04T09:00:00+07:00
ro accept NT26-III.1.2 --as lan.vhxh
ro accept NT26-III.3.1 --as hung.hcc --note "Bộ phận một cửa phụ trách"
at 2026-11-12T15:00:00+07:00
ro report NT26-III.1.2 --as lan.vhxh --period 2026-11 --percent 40 \
  --summary "Đã hoàn thành dự thảo Kế hoạch chuyển đổi số, đang lấy ý kiến các phòng."

echo "== Lãnh đạo trả lại báo cáo, đơn vị báo cáo lại, lãnh đạo duyệt"
at 2026-11-14T10:00:00+07:00
ro return NT26-III.1.2 --as chutich --period 2026-11 --reason "Cần nêu rõ số phòng, ban đã góp ý và thời gian trình ban hành."
at 2026-11-18T16:20:00+07:00
ro report NT26-III.1.2 --as lan.vhxh --period 2026-11 --percent 45 \
  --summary "Dự thảo đã lấy ý kiến 6/6 phòng, ban; dự kiến trình UBND xã ban hành ngày 10/12/2026." \
  --output "Dự thảo Kế hoạch (lần 2)"
at 2026-11-19T08:00:00+07:00
ro approve NT26-III.1.2 --as chutich --period 2026-11 --note "Đồng ý, khẩn trương hoàn thiện."

echo "== Một báo cáo đến sau ngày 20: được nhận và đánh dấu trễ hạn"
at 2026-11-21T09:15:00+07:00
ro report NT26-III.3.1 --as hung.hcc --period 2026-11 --indicator CT11=91.5 \
  --summary "Tỷ lệ hồ sơ trực tuyến tháng 11 đạt 91,5%."
ro approve NT26-III.3.1 --as lan.vhxh --period 2026-11 || echo "(đúng như quy định: cán bộ đơn vị không được duyệt)"

echo; echo "== Tình hình báo cáo tháng 11/2026"
ro status --period 2026-11
echo; echo "== Danh sách nhiệm vụ"
ro task list --period 2026-11
echo; echo "== Chi tiết và lịch sử nhiệm vụ NT26-III.1.2"
ro task show NT26-III.1.2
echo
ro history NT26-III.1.2
echo; echo "== Lịch sử nhiệm vụ NT26-III.3.1"
ro history NT26-III.3.1
echo
ro verify
