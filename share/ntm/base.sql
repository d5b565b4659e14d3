-- ntm built-in base data: sectors, criteria sets, the national criteria of
-- QĐ 318/QĐ-TTg with their indicators, and the village checklist template.
-- Loaded by both `ntm init` and `ntm init --empty`, inside one transaction,
-- after schema-v1.sql, with foreign_keys ON. Every id comes from ntm_id();
-- rows refer to each other through stable codes and numbers, never through ids.
-- Facts come from shared/domain/criteria.md. Unknown national targets are NULL
-- (shown as "chưa có chỉ tiêu"); officials enter them in the program.
-- All text is UTF-8 NFC.

-- Sectors: one tab each in the program. code is stable ASCII, short_name is
-- the tab label, name the full one. giai_phap holds the plan's measures (part V).
WITH v(ord, code, short_name, name) AS (VALUES
  ( 1, 'quy_hoach',       'Quy hoạch',        'Quy hoạch'),
  ( 2, 'giao_thong',      'Giao thông',       'Giao thông'),
  ( 3, 'thuy_loi',        'Thủy lợi',         'Thủy lợi và phòng, chống thiên tai'),
  ( 4, 'dien',            'Điện',             'Điện'),
  ( 5, 'giao_duc',        'Giáo dục',         'Giáo dục'),
  ( 6, 'van_hoa',         'Văn hóa',          'Văn hóa'),
  ( 7, 'thuong_mai',      'Thương mại',       'Cơ sở hạ tầng thương mại nông thôn'),
  ( 8, 'tt_tt',           'TT&TT',            'Thông tin và Truyền thông'),
  ( 9, 'nha_o',           'Nhà ở',            'Nhà ở dân cư'),
  (10, 'thu_nhap_ngheo',  'Thu nhập–Nghèo',   'Thu nhập và nghèo đa chiều'),
  (11, 'lao_dong',        'Lao động',         'Lao động'),
  (12, 'san_xuat',        'Sản xuất',         'Tổ chức sản xuất và phát triển kinh tế nông thôn'),
  (13, 'y_te',            'Y tế',             'Y tế'),
  (14, 'moi_truong',      'Môi trường',       'Môi trường và an toàn thực phẩm'),
  (15, 'htct_phap_luat',  'HTCT–Pháp luật',   'Hệ thống chính trị và tiếp cận pháp luật'),
  (16, 'qp_an',           'QP–AN',            'Quốc phòng và An ninh'),
  (17, 'giai_phap',       'Giải pháp',        'Giải pháp thực hiện')
)
INSERT INTO sector(id, code, name, short_name, ord)
SELECT ntm_id(), code, name, short_name, ord FROM v;

-- Criteria sets. 'ntm': the commune set of QĐ 318/QĐ-TTg. 'kdc_km': the model
-- residential area (village) set; each province issues its own, and Hưng Yên's
-- text was not found, so it only carries the checklist template below.
WITH v(code, name, level, source) AS (VALUES
  ('ntm',    'Bộ tiêu chí quốc gia về xã nông thôn mới giai đoạn 2021–2025', 'xa',   'QĐ 318/QĐ-TTg ngày 08/3/2022'),
  ('kdc_km', 'Khu dân cư nông thôn mới kiểu mẫu',                          'thon', 'Tiêu chí do UBND tỉnh ban hành (chưa có văn bản)')
)
INSERT INTO criteria_set(id, code, name, level, source)
SELECT ntm_id(), code, name, level, source FROM v;

-- The 19 criteria of the commune set (QĐ 318/QĐ-TTg), with their group and the
-- sector tab they are shown under. Sources disagree on grouping, hence a field.
WITH v(number, sector, grp, name) AS (VALUES
  ( 1, 'quy_hoach',       'I. Quy hoạch',                          'Quy hoạch'),
  ( 2, 'giao_thong',      'II. Hạ tầng kinh tế – xã hội',          'Giao thông'),
  ( 3, 'thuy_loi',        'II. Hạ tầng kinh tế – xã hội',          'Thủy lợi và phòng, chống thiên tai'),
  ( 4, 'dien',            'II. Hạ tầng kinh tế – xã hội',          'Điện'),
  ( 5, 'giao_duc',        'II. Hạ tầng kinh tế – xã hội',          'Trường học'),
  ( 6, 'van_hoa',         'II. Hạ tầng kinh tế – xã hội',          'Cơ sở vật chất văn hóa'),
  ( 7, 'thuong_mai',      'II. Hạ tầng kinh tế – xã hội',          'Cơ sở hạ tầng thương mại nông thôn'),
  ( 8, 'tt_tt',           'II. Hạ tầng kinh tế – xã hội',          'Thông tin và Truyền thông'),
  ( 9, 'nha_o',           'II. Hạ tầng kinh tế – xã hội',          'Nhà ở dân cư'),
  (10, 'thu_nhap_ngheo',  'III. Kinh tế và tổ chức sản xuất',      'Thu nhập'),
  (11, 'thu_nhap_ngheo',  'III. Kinh tế và tổ chức sản xuất',      'Nghèo đa chiều'),
  (12, 'lao_dong',        'III. Kinh tế và tổ chức sản xuất',      'Lao động'),
  (13, 'san_xuat',        'III. Kinh tế và tổ chức sản xuất',      'Tổ chức sản xuất và phát triển kinh tế nông thôn'),
  (14, 'giao_duc',        'IV. Văn hóa – Xã hội – Môi trường',     'Giáo dục và Đào tạo'),
  (15, 'y_te',            'IV. Văn hóa – Xã hội – Môi trường',     'Y tế'),
  (16, 'van_hoa',         'IV. Văn hóa – Xã hội – Môi trường',     'Văn hóa'),
  (17, 'moi_truong',      'IV. Văn hóa – Xã hội – Môi trường',     'Môi trường và an toàn thực phẩm'),
  (18, 'htct_phap_luat',  'V. Hệ thống chính trị',                 'Hệ thống chính trị và tiếp cận pháp luật'),
  (19, 'qp_an',           'V. Hệ thống chính trị',                 'Quốc phòng và An ninh')
)
INSERT INTO criterion(id, set_id, sector_id, number, name, grp)
SELECT ntm_id(),
       (SELECT id FROM criteria_set WHERE code = 'ntm'),
       (SELECT id FROM sector WHERE code = v.sector),
       number, name, grp
FROM v;

-- Indicators of the commune set, one row each, in the order of the decision.
-- Criteria with a single indicator use the criterion number as code ('5').
-- kind/comparator/target: bool indicators are '=' 1 (Đạt); percent and number
-- indicators carry the national target for the Đồng bằng sông Hồng region, or
-- NULL where no source gave it (never guessed).
-- source/verified: 'QĐ 318/QĐ-TTg' with verified 1 where a public source
-- confirmed the wording; '… — chưa đối chiếu văn bản' with verified 0 where the
-- wording is widely repeated but not yet checked against the decision text.
-- plan_id is NULL: these belong to the set, not to a plan.
WITH v(criterion, code, ord, kind, comparator, target, unit_label, verified, source, name) AS (VALUES
  ( 1, '1.1',   1, 'bool',    '=',  1,     NULL,                    0, 'QĐ 318/QĐ-TTg — chưa đối chiếu văn bản',    'Có quy hoạch chung xây dựng xã được phê duyệt và công bố công khai đúng thời hạn'),
  ( 1, '1.2',   2, 'bool',    '=',  1,     NULL,                    0, 'QĐ 318/QĐ-TTg — chưa đối chiếu văn bản',    'Ban hành quy định quản lý quy hoạch chung xây dựng xã và tổ chức thực hiện theo quy hoạch'),
  ( 2, '2.1',   1, 'percent', '>=', NULL,  '%',                     0, 'QĐ 318/QĐ-TTg — chưa đối chiếu văn bản',    'Đường xã và đường từ trung tâm xã đến đường huyện được nhựa hóa hoặc bê tông hóa, ô tô đi lại thuận tiện quanh năm'),
  ( 2, '2.2',   2, 'percent', '>=', NULL,  '%',                     0, 'QĐ 318/QĐ-TTg — chưa đối chiếu văn bản',    'Đường thôn và đường liên thôn ít nhất được cứng hóa, ô tô đi lại thuận tiện quanh năm'),
  ( 2, '2.3',   3, 'percent', '>=', NULL,  '%',                     0, 'QĐ 318/QĐ-TTg — chưa đối chiếu văn bản',    'Đường ngõ, xóm sạch và đảm bảo đi lại thuận tiện quanh năm'),
  ( 2, '2.4',   4, 'percent', '>=', NULL,  '%',                     0, 'QĐ 318/QĐ-TTg — chưa đối chiếu văn bản',    'Đường trục chính nội đồng đảm bảo vận chuyển hàng hóa thuận tiện quanh năm'),
  ( 3, '3.1',   1, 'percent', '>=', 80,    '%',                     1, 'QĐ 318/QĐ-TTg — con số chung, chưa rõ áp dụng cho bộ nào', 'Tỷ lệ diện tích đất sản xuất nông nghiệp được tưới và tiêu nước chủ động'),
  ( 3, '3.2',   2, 'bool',    '=',  1,     NULL,                    1, 'QĐ 318/QĐ-TTg',                             'Đảm bảo yêu cầu chủ động về phòng, chống thiên tai theo phương châm 4 tại chỗ'),
  ( 4, '4.1',   1, 'bool',    '=',  1,     NULL,                    0, 'QĐ 318/QĐ-TTg — chưa đối chiếu văn bản',    'Hệ thống điện đạt chuẩn'),
  ( 4, '4.2',   2, 'percent', '>=', NULL,  '%',                     0, 'QĐ 318/QĐ-TTg — chưa đối chiếu văn bản',    'Tỷ lệ hộ có đăng ký trực tiếp và được sử dụng điện thường xuyên, an toàn'),
  ( 5, '5',     1, 'percent', '>=', NULL,  '%',                     0, 'QĐ 318/QĐ-TTg — chưa đối chiếu văn bản',    'Tỷ lệ trường học các cấp (mầm non, tiểu học, THCS) có cơ sở vật chất và thiết bị dạy học đạt chuẩn'),
  ( 6, '6.1',   1, 'bool',    '=',  1,     NULL,                    0, 'QĐ 318/QĐ-TTg — chưa đối chiếu văn bản',    'Xã có nhà văn hóa hoặc hội trường đa năng và sân thể thao phục vụ toàn xã'),
  ( 6, '6.2',   2, 'bool',    '=',  1,     NULL,                    0, 'QĐ 318/QĐ-TTg — chưa đối chiếu văn bản',    'Xã có điểm vui chơi, giải trí và thể thao cho trẻ em và người cao tuổi'),
  ( 6, '6.3',   3, 'percent', '>=', NULL,  '%',                     0, 'QĐ 318/QĐ-TTg — chưa đối chiếu văn bản',    'Tỷ lệ thôn có nhà văn hóa hoặc nơi sinh hoạt văn hóa, thể thao phục vụ cộng đồng'),
  ( 7, '7',     1, 'bool',    '=',  1,     NULL,                    0, 'QĐ 318/QĐ-TTg — chưa đối chiếu văn bản',    'Xã có chợ nông thôn hoặc nơi mua bán, trao đổi hàng hóa'),
  ( 8, '8.1',   1, 'bool',    '=',  1,     NULL,                    0, 'QĐ 318/QĐ-TTg — chưa đối chiếu văn bản',    'Xã có điểm phục vụ bưu chính'),
  ( 8, '8.2',   2, 'bool',    '=',  1,     NULL,                    0, 'QĐ 318/QĐ-TTg — chưa đối chiếu văn bản',    'Xã có dịch vụ viễn thông, internet'),
  ( 8, '8.3',   3, 'bool',    '=',  1,     NULL,                    0, 'QĐ 318/QĐ-TTg — chưa đối chiếu văn bản',    'Xã có đài truyền thanh và hệ thống loa đến các thôn'),
  ( 8, '8.4',   4, 'bool',    '=',  1,     NULL,                    0, 'QĐ 318/QĐ-TTg — chưa đối chiếu văn bản',    'Xã có ứng dụng công nghệ thông tin trong công tác quản lý, điều hành'),
  ( 9, '9.1',   1, 'number',  '<=', 0,     'nhà',                   0, 'QĐ 318/QĐ-TTg — chưa đối chiếu văn bản',    'Nhà tạm, dột nát'),
  ( 9, '9.2',   2, 'percent', '>=', NULL,  '%',                     0, 'QĐ 318/QĐ-TTg — chưa đối chiếu văn bản',    'Tỷ lệ hộ có nhà ở kiên cố hoặc bán kiên cố'),
  (10, '10',    1, 'number',  '>=', NULL,  'triệu đồng/người/năm',  0, 'QĐ 318/QĐ-TTg — chưa đối chiếu văn bản',    'Thu nhập bình quân đầu người khu vực nông thôn (triệu đồng/người/năm)'),
  (11, '11',    1, 'percent', '<=', NULL,  '%',                     0, 'QĐ 318/QĐ-TTg — chưa đối chiếu văn bản',    'Tỷ lệ nghèo đa chiều'),
  (12, '12.1',  1, 'percent', '>=', NULL,  '%',                     0, 'QĐ 318/QĐ-TTg — chưa đối chiếu văn bản',    'Tỷ lệ người có việc làm trên dân số trong độ tuổi lao động có khả năng tham gia lao động'),
  (12, '12.2',  2, 'percent', '>=', NULL,  '%',                     0, 'QĐ 318/QĐ-TTg — chưa đối chiếu văn bản',    'Tỷ lệ lao động qua đào tạo'),
  (12, '12.3',  3, 'percent', '>=', NULL,  '%',                     0, 'QĐ 318/QĐ-TTg — chưa đối chiếu văn bản',    'Tỷ lệ lao động qua đào tạo có bằng cấp, chứng chỉ'),
  (13, '13.1',  1, 'bool',    '=',  1,     NULL,                    0, 'QĐ 318/QĐ-TTg — chưa đối chiếu văn bản',    'Xã có hợp tác xã hoạt động hiệu quả theo Luật Hợp tác xã'),
  (13, '13.2',  2, 'bool',    '=',  1,     NULL,                    0, 'QĐ 318/QĐ-TTg — chưa đối chiếu văn bản',    'Xã có mô hình liên kết sản xuất gắn với tiêu thụ nông sản chủ lực bền vững'),
  (13, '13.3',  3, 'bool',    '=',  1,     NULL,                    0, 'QĐ 318/QĐ-TTg — chưa đối chiếu văn bản',    'Truy xuất nguồn gốc sản phẩm chủ lực, gắn với vùng nguyên liệu, chứng nhận VietGAP hoặc tương đương'),
  (13, '13.4',  4, 'bool',    '=',  1,     NULL,                    0, 'QĐ 318/QĐ-TTg — chưa đối chiếu văn bản',    'Có kế hoạch và triển khai bảo tồn, phát huy làng nghề, nghề truyền thống (nếu có)'),
  (13, '13.5',  5, 'bool',    '=',  1,     NULL,                    0, 'QĐ 318/QĐ-TTg — chưa đối chiếu văn bản',    'Có tổ khuyến nông cộng đồng hoạt động hiệu quả'),
  (14, '14.1',  1, 'bool',    '=',  1,     NULL,                    0, 'QĐ 318/QĐ-TTg — chưa đối chiếu văn bản',    'Phổ cập giáo dục mầm non cho trẻ 5 tuổi, xóa mù chữ, phổ cập giáo dục tiểu học và THCS'),
  (14, '14.2',  2, 'percent', '>=', NULL,  '%',                     0, 'QĐ 318/QĐ-TTg — chưa đối chiếu văn bản',    'Tỷ lệ học sinh tốt nghiệp THCS được tiếp tục học trung học (phổ thông, GDTX, trung cấp)'),
  (15, '15.1',  1, 'percent', '>=', NULL,  '%',                     1, 'QĐ 318/QĐ-TTg',                             'Tỷ lệ người dân tham gia bảo hiểm y tế'),
  (15, '15.2',  2, 'bool',    '=',  1,     NULL,                    1, 'QĐ 318/QĐ-TTg',                             'Xã đạt tiêu chí quốc gia về y tế'),
  (15, '15.3',  3, 'percent', '<=', 16.5,  '%',                     1, 'QĐ 318/QĐ-TTg',                             'Tỷ lệ suy dinh dưỡng thể thấp còi ở trẻ em dưới 5 tuổi'),
  (15, '15.4',  4, 'percent', '>=', 70,    '%',                     1, 'QĐ 318/QĐ-TTg',                             'Tỷ lệ dân số có sổ khám chữa bệnh điện tử'),
  (16, '16',    1, 'percent', '>=', NULL,  '%',                     0, 'QĐ 318/QĐ-TTg — chưa đối chiếu văn bản',    'Tỷ lệ thôn đạt chuẩn văn hóa theo quy định, có kế hoạch và thực hiện xây dựng NTM'),
  (17, '17.1',  1, 'percent', '>=', NULL,  '%',                     0, 'QĐ 318/QĐ-TTg — chưa đối chiếu văn bản',    'Tỷ lệ hộ được sử dụng nước sạch theo quy chuẩn'),
  (17, '17.2',  2, 'percent', '>=', NULL,  '%',                     0, 'QĐ 318/QĐ-TTg — chưa đối chiếu văn bản',    'Tỷ lệ cơ sở sản xuất kinh doanh, nuôi trồng thủy sản, làng nghề bảo đảm quy định về bảo vệ môi trường'),
  (17, '17.3',  3, 'bool',    '=',  1,     NULL,                    0, 'QĐ 318/QĐ-TTg — chưa đối chiếu văn bản',    'Cảnh quan, không gian xanh – sạch – đẹp, an toàn; không tồn đọng nước thải sinh hoạt ở khu dân cư tập trung'),
  (17, '17.4',  4, 'number',  '>=', NULL,  'm²/người',              0, 'QĐ 318/QĐ-TTg — chưa đối chiếu văn bản',    'Đất cây xanh sử dụng công cộng tại điểm dân cư nông thôn (m²/người)'),
  (17, '17.5',  5, 'bool',    '=',  1,     NULL,                    0, 'QĐ 318/QĐ-TTg — chưa đối chiếu văn bản',    'Mai táng phù hợp với quy định và theo quy hoạch'),
  (17, '17.6',  6, 'bool',    '=',  1,     NULL,                    0, 'QĐ 318/QĐ-TTg — chưa đối chiếu văn bản',    'Chất thải rắn và nước thải khu dân cư tập trung, cơ sở SXKD được thu gom, xử lý theo quy định'),
  (17, '17.7',  7, 'percent', '>=', NULL,  '%',                     0, 'QĐ 318/QĐ-TTg — chưa đối chiếu văn bản',    'Tỷ lệ bao gói thuốc bảo vệ thực vật sau sử dụng và chất thải rắn y tế được thu gom, xử lý'),
  (17, '17.8',  8, 'percent', '>=', NULL,  '%',                     0, 'QĐ 318/QĐ-TTg — chưa đối chiếu văn bản',    'Tỷ lệ hộ có nhà tiêu, nhà tắm, thiết bị chứa nước hợp vệ sinh và bảo đảm 3 sạch'),
  (17, '17.9',  9, 'percent', '>=', NULL,  '%',                     0, 'QĐ 318/QĐ-TTg — chưa đối chiếu văn bản',    'Tỷ lệ cơ sở chăn nuôi bảo đảm quy định về vệ sinh thú y, chăn nuôi và bảo vệ môi trường'),
  (17, '17.10', 10, 'percent', '>=', NULL,  '%',                     0, 'QĐ 318/QĐ-TTg — chưa đối chiếu văn bản; số thứ tự chưa chắc chắn (một hệ thống của tỉnh ghi chỉ tiêu an toàn thực phẩm là “17.08”)', 'Tỷ lệ hộ gia đình và cơ sở SXKD thực phẩm tuân thủ quy định về an toàn thực phẩm'),
  (18, '18.1',  1, 'bool',    '=',  1,     NULL,                    0, 'QĐ 318/QĐ-TTg — chưa đối chiếu văn bản',    'Cán bộ, công chức xã đạt chuẩn'),
  (18, '18.2',  2, 'bool',    '=',  1,     NULL,                    0, 'QĐ 318/QĐ-TTg — chưa đối chiếu văn bản',    'Đảng bộ, chính quyền xã được xếp loại hoàn thành tốt nhiệm vụ trở lên'),
  (18, '18.3',  3, 'bool',    '=',  1,     NULL,                    0, 'QĐ 318/QĐ-TTg — chưa đối chiếu văn bản',    'Tổ chức chính trị – xã hội của xã được xếp loại hoàn thành tốt nhiệm vụ trở lên'),
  (18, '18.4',  4, 'bool',    '=',  1,     NULL,                    0, 'QĐ 318/QĐ-TTg — chưa đối chiếu văn bản',    'Xã đạt chuẩn tiếp cận pháp luật'),
  (18, '18.5',  5, 'bool',    '=',  1,     NULL,                    0, 'QĐ 318/QĐ-TTg — chưa đối chiếu văn bản',    'Bảo đảm bình đẳng giới, phòng chống bạo lực gia đình, bảo vệ người dễ bị tổn thương'),
  (19, '19.1',  1, 'bool',    '=',  1,     NULL,                    0, 'QĐ 318/QĐ-TTg — chưa đối chiếu văn bản',    'Xây dựng lực lượng dân quân vững mạnh, rộng khắp và hoàn thành chỉ tiêu quốc phòng'),
  (19, '19.2',  2, 'bool',    '=',  1,     NULL,                    0, 'QĐ 318/QĐ-TTg — chưa đối chiếu văn bản',    'Xã đạt chuẩn an toàn về an ninh, trật tự xã hội và bảo đảm bình yên')
)
INSERT INTO indicator(id, criterion_id, code, name, kind, comparator, target,
                      unit_label, source, verified, plan_id, ord)
SELECT ntm_id(),
       (SELECT c.id FROM criterion c JOIN criteria_set cs ON cs.id = c.set_id
         WHERE cs.code = 'ntm' AND c.number = v.criterion),
       code, name, kind, comparator, target, unit_label, source, verified, NULL, ord
FROM v;

-- Checklist toward 'khu dân cư NTM kiểu mẫu', taken from the 2024 plan (the
-- province's own list was not found). `ntm init` copies it to each village;
-- officials then add, edit and remove items per village.
WITH v(ord, title) AS (VALUES
  ( 1, 'Đường giao thông trong thôn'),
  ( 2, 'Rãnh thoát nước'),
  ( 3, 'Cơ sở vật chất (nhà văn hóa thôn)'),
  ( 4, 'Trang thiết bị nhà văn hóa'),
  ( 5, 'Vệ sinh môi trường, thu gom rác (tổ tự quản)'),
  ( 6, 'Ít nhất 01 đường hoa tiêu biểu'),
  ( 7, 'Chỉnh trang cảnh quan, trồng hoa, cây xanh'),
  ( 8, 'Đăng ký và có kế hoạch thực hiện thôn đạt chuẩn KDC NTM kiểu mẫu'),
  ( 9, 'Lấy ý kiến sự hài lòng của người dân (MTTQ)'),
  (10, 'Đảm bảo an ninh, trật tự')
)
INSERT INTO checklist_template(id, set_id, title, ord)
SELECT ntm_id(), (SELECT id FROM criteria_set WHERE code = 'kdc_km'), title, ord
FROM v;
