-- ntm built-in default content: the commune of Việt Hưng and its 2024 NTM plan
-- (Kế hoạch số 32/KH-UBND, 12/3/2024, signed by Đặng Hồng Quân).
-- Loaded only by the default `ntm init`, after base.sql, in the same
-- transaction, with foreign_keys ON. Every id comes from ntm_id(); rows refer
-- to each other through names, numbers and codes. Foreign keys are scalar
-- subselects, so a misspelt code fails on a NOT NULL column instead of
-- silently dropping a row.
-- Facts come from shared/domain/ and the plan itself. All text is UTF-8 NFC.

-- Units. Districts are being abolished and communes merged, so names and
-- parents are data. Only the two villages named by the plan are known; the
-- officials add the others.
INSERT INTO unit(id, parent_id, level, name, info, ord)
VALUES (ntm_id(), NULL, 'xa', 'Việt Hưng', 'huyện Văn Lâm, tỉnh Hưng Yên', 0);

WITH v(ord, name) AS (VALUES
  (1, 'Cự Đình'),
  (2, 'Thục Cầu')
)
INSERT INTO unit(id, parent_id, level, name, info, ord)
SELECT ntm_id(),
       (SELECT id FROM unit WHERE level = 'xa' AND name = 'Việt Hưng'),
       'thon', name, NULL, ord
FROM v;

-- Spelling variants found in the sources ("Cự Đinh" in part 2.3 of the plan).
WITH v(unit_name, alias) AS (VALUES
  ('Cự Đình', 'Cự Đinh')
)
INSERT INTO unit_alias(id, unit_id, name)
SELECT ntm_id(),
       (SELECT u.id FROM unit u JOIN unit p ON p.id = u.parent_id
         WHERE u.level = 'thon' AND u.name = v.unit_name
           AND p.level = 'xa' AND p.name = 'Việt Hưng'),
       alias
FROM v;

-- The plan.
INSERT INTO plan(id, unit_id, year, number, issued_on, title, signer)
SELECT ntm_id(), id, 2024, '32/KH-UBND', '2024-03-12',
       'Kế hoạch triển khai thực hiện Chương trình mục tiêu quốc gia xây dựng nông thôn mới xã Việt Hưng năm 2024',
       'Đặng Hồng Quân'
FROM unit WHERE level = 'xa' AND name = 'Việt Hưng';

-- The plan's own indicators: measures the plan sets that the national set
-- lacks. They belong to the plan (plan_id), carry no national target, and sort
-- after the national indicators of their criterion (ord 100 + n).
WITH v(criterion, code, ord, kind, comparator, unit_label, name) AS (VALUES
  (12, '12.KH1', 101, 'percent', '>=', '%',       'Tỷ lệ lao động làm việc trong các ngành kinh tế chủ lực trên địa bàn'),
  (18, '18.KH1', 101, 'percent', '>=', '%',       'Tỷ lệ mâu thuẫn, tranh chấp, vi phạm thuộc phạm vi hòa giải được hòa giải thành'),
  (18, '18.KH2', 102, 'percent', '>=', '%',       'Tỷ lệ người dân thuộc đối tượng được trợ giúp pháp lý khi có yêu cầu'),
  (18, '18.KH3', 103, 'number',  '>=', 'mô hình', 'Số mô hình điển hình về phổ biến, giáo dục pháp luật, hòa giải cơ sở hoạt động hiệu quả'),
  ( 8, '8.KH1',  101, 'bool',    '=',  NULL,      'Duy trì dịch vụ công trực tuyến mức độ 3 trở lên'),
  (13, '13.KH1', 101, 'number',  '>=', 'HTX',     'Số hợp tác xã có liên kết sản xuất – tiêu thụ sản phẩm'),
  ( 6, '6.KH1',  101, 'number',  '>=', 'thôn',    'Số thôn chưa có nhà văn hóa độc lập được xây mới nhà văn hóa'),
  (14, '14.KH1', 101, 'percent', '>=', '%',       'Tỷ lệ trẻ mẫu giáo 5 tuổi đến trường'),
  (14, '14.KH2', 102, 'percent', '>=', '%',       'Tỷ lệ trẻ 6 tuổi vào lớp 1'),
  (17, '17.KH1', 101, 'percent', '>=', '%',       'Tỷ lệ rác thải sinh hoạt được xử lý đúng quy định'),
  ( 9, '9.KH1',  101, 'percent', '>=', '%',       'Tỷ lệ nhà ở đạt chuẩn theo quy định của Bộ Xây dựng')
)
INSERT INTO indicator(id, criterion_id, code, name, kind, comparator, target,
                      unit_label, source, verified, plan_id, ord)
SELECT ntm_id(),
       (SELECT c.id FROM criterion c JOIN criteria_set cs ON cs.id = c.set_id
         WHERE cs.code = 'ntm' AND c.number = v.criterion),
       code, name, kind, comparator, NULL, unit_label,
       'Kế hoạch 32/KH-UBND', 1,
       (SELECT p.id FROM plan p JOIN unit u ON u.id = p.unit_id
         WHERE u.level = 'xa' AND u.name = 'Việt Hưng' AND p.year = 2024 AND p.number = '32/KH-UBND'),
       ord
FROM v;

-- The plan's targets for 2024, stored beside the national targets, never
-- instead of them. note is the plan's own wording (the seed, with the one typo
-- "trực chính" read as "trục chính" for 2.4). Indicators are found by code
-- within the set 'ntm', where codes are unique.
-- 18.KH3: the plan says "ít nhất mô hình" (the count is missing); read as 1.
WITH v(code, comparator, value, note) AS (VALUES
  ('12.2',   '>=', 85,   'Tỷ lệ lao động qua đào tạo ≥ 85%'),
  ('12.3',   '>=', 35,   'Tỷ lệ lao động qua đào tạo có bằng cấp, chứng chỉ ≥ 35%'),
  ('12.KH1', '>=', 76.5, 'Tỷ lệ lao động làm việc trong các ngành kinh tế chủ lực trên địa bàn ≥ 76,5%'),
  ('11',     '<',  1,    'hàng năm đánh giá tỷ lệ nghèo đa chiều dưới 1%'),
  ('2.4',    '>=', 50,   '50% các tuyến đường trục chính nội đồng được bê tông hóa'),
  ('9.1',    '<=', 0,    'không có nhà tạm, nhà dột nát'),
  ('9.KH1',  '>=', 100,  'duy trì 100% nhà đạt chuẩn theo quy định của Bộ xây dựng'),
  ('14.KH1', '>=', 100,  'duy trì tỷ lệ trẻ mẫu giáo 5 tuổi đến trường và tỷ lệ trẻ 6 tuổi vào lớp 1 ở mức 100%'),
  ('14.KH2', '>=', 100,  'duy trì tỷ lệ trẻ mẫu giáo 5 tuổi đến trường và tỷ lệ trẻ 6 tuổi vào lớp 1 ở mức 100%'),
  ('17.KH1', '>=', 100,  'đảm bảo 100% lượng rác thải trên địa bàn xã được xử lý theo đúng quy định'),
  ('18.KH1', '>=', 90,   'tỷ lệ mâu thuẫn, tranh chấp, vi phạm thuộc phạm vi hòa giải được hòa giải thành công ≥90%'),
  ('18.KH2', '>=', 90,   'tỷ lệ người dân thuộc đối tượng pháp lý tiếp cận và được trợ giúp pháp lý khi có yêu cầu là ≥90%'),
  ('18.KH3', '>=', 1,    'Phấn đấu hàng năm xã có ít nhất mô hình điển hình về phổ biến, giáo dục pháp luật, hòa giải cơ sở hoạt động hiệu quả được công nhận'),
  ('8.KH1',  '=',  1,    'Duy trì mức độ dịch vụ công trực tuyến mức độ 3 trở lên'),
  ('13.KH1', '>=', 1,    'phấn đấu xã có ít nhất 01 hợp tác xã có liên kết sản xuất-tiêu thụ sản phẩm'),
  ('6.KH1',  '>=', 5,    'xây mới nhà văn hóa xã và 05 thôn chưa có nhà văn hóa độc lập'),
  ('6.1',    '=',  1,    'xây mới nhà văn hóa xã')
)
INSERT INTO plan_target(id, plan_id, indicator_id, comparator, value, note)
SELECT ntm_id(),
       (SELECT p.id FROM plan p JOIN unit u ON u.id = p.unit_id
         WHERE u.level = 'xa' AND u.name = 'Việt Hưng' AND p.year = 2024 AND p.number = '32/KH-UBND'),
       (SELECT i.id FROM indicator i
          JOIN criterion c ON c.id = i.criterion_id
          JOIN criteria_set cs ON cs.id = c.set_id
         WHERE cs.code = 'ntm' AND i.code = v.code),
       comparator, value, note
FROM v;

-- Tasks of the plan, one per line of shared/domain/plan-2024.md: part 2.1
-- (criteria still weak), part 2.2 (criteria to maintain), part 2.3 (model
-- residential areas) and part V (measures, under sector giai_phap).
-- title: the short wording; detail: the full sentence(s) of the plan the task
-- comes from, verbatim (page breaks joined with one space; the "≥" of the
-- labour targets written as text where the converted seed had TeX markup).
-- Several tasks come from one sentence and so share their detail.
-- responsible: one role of part IV of the plan.
-- ord: position within the sector, in the order of the plan.
WITH v(sector, ord, title, responsible, detail) AS (VALUES
  ('giao_thong',     1, 'Cải tạo, nâng cấp các tuyến đường xuống cấp, nhỏ hẹp', 'Công chức chuyên môn', 'Huy động nguồn lực tiếp tục đầu tư, cải tạo, nâng cấp một số tuyến đường xuống cấp, các tuyến đường nhỏ hẹp chưa đảm bảo quy định và ảnh hưởng tới việc đi lại, vận chuyển hàng hóa của người dân. Đối với những tuyến đường không thể mở rộng cần đảm bảo thông thoáng, an toàn, thuận tiện cho việc đi lại.'),
  ('giao_thong',     2, 'Xây mới, cải tạo rãnh thoát nước và chiếu sáng trên đường chính trong khu dân cư', 'Công chức chuyên môn', 'Đầu tư xây mới, cải tạo hệ thống rãnh thoát nước, hệ thống chiếu sáng ở những tuyến đường chính trong khu dân cư.'),
  ('giao_thong',     3, 'Xây dựng, nâng cấp đường trục chính nội đồng', 'Công chức chuyên môn', 'Đầu tư xây dựng, nâng cấp các tuyến đường trực chính nội đồng, phấn đấu 50% các tuyến đường trực chính nội đồng được bê tông hóa...ở các thôn.'),
  ('thuy_loi',       1, 'Nâng cấp hệ thống thủy lợi, chủ động tưới tiêu', 'Công chức chuyên môn', 'Đầu tư, nâng cấp hệ thống thủy lợi đảm bảo chủ động trong công tác tưới tiêu nước phục vụ nhu cầu phát triển sản xuất nông nghiệp và đời sống dân sinh của người dân.'),
  ('thuy_loi',       2, 'Thực hiện KL 472-KL/HU (25/02/2022) và Đề án 02/ĐA-UBND (17/02/2022): nâng cấp công trình thủy lợi, giao thông nội đồng, kiên cố hóa kênh mương 2021–2025', 'Công chức chuyên môn', 'Triển khai và thực hiện tốt các nội dung theo Kết luận số 472-KL/HU ngày 25/02/2022 của huyện ủy và Đề án 02/ĐA-UBND ngày 17/02/2022 của UBND huyện về Đề án từng bước nâng cấp các công trình thủy lợi, giao thông nội đồng và kiên cố hóa kênh mương giai đoạn 2021-2025.'),
  ('van_hoa',        1, 'Xây mới nhà văn hóa xã', 'Công chức chuyên môn', 'Tập trung huy động các nguồn lực xây mới nhà văn hóa xã và 05 thôn chưa có nhà văn hóa độc lập; xây dựng khu vui chơi, giải trí cho trẻ em và người cao tuổi; quan tâm đầu tư lắp đặt các dụng cụ thể dục thể thao ngoài trời ở điểm công cộng; bổ sung các trang thiết bị cho các nhà văn hóa đảm bảo phục vụ tốt hơn các hoạt động văn hóa xã, thôn đảm bảo phục vụ tốt hơn các hoạt động văn hóa của người dân;'),
  ('van_hoa',        2, 'Xây nhà văn hóa cho 05 thôn chưa có nhà văn hóa độc lập', 'Công chức chuyên môn', 'Tập trung huy động các nguồn lực xây mới nhà văn hóa xã và 05 thôn chưa có nhà văn hóa độc lập; xây dựng khu vui chơi, giải trí cho trẻ em và người cao tuổi; quan tâm đầu tư lắp đặt các dụng cụ thể dục thể thao ngoài trời ở điểm công cộng; bổ sung các trang thiết bị cho các nhà văn hóa đảm bảo phục vụ tốt hơn các hoạt động văn hóa xã, thôn đảm bảo phục vụ tốt hơn các hoạt động văn hóa của người dân;'),
  ('van_hoa',        3, 'Khu vui chơi, giải trí cho trẻ em và người cao tuổi', 'Công chức chuyên môn', 'Tập trung huy động các nguồn lực xây mới nhà văn hóa xã và 05 thôn chưa có nhà văn hóa độc lập; xây dựng khu vui chơi, giải trí cho trẻ em và người cao tuổi; quan tâm đầu tư lắp đặt các dụng cụ thể dục thể thao ngoài trời ở điểm công cộng; bổ sung các trang thiết bị cho các nhà văn hóa đảm bảo phục vụ tốt hơn các hoạt động văn hóa xã, thôn đảm bảo phục vụ tốt hơn các hoạt động văn hóa của người dân;'),
  ('van_hoa',        4, 'Dụng cụ thể dục thể thao ngoài trời', 'Công chức chuyên môn', 'Tập trung huy động các nguồn lực xây mới nhà văn hóa xã và 05 thôn chưa có nhà văn hóa độc lập; xây dựng khu vui chơi, giải trí cho trẻ em và người cao tuổi; quan tâm đầu tư lắp đặt các dụng cụ thể dục thể thao ngoài trời ở điểm công cộng; bổ sung các trang thiết bị cho các nhà văn hóa đảm bảo phục vụ tốt hơn các hoạt động văn hóa xã, thôn đảm bảo phục vụ tốt hơn các hoạt động văn hóa của người dân;'),
  ('van_hoa',        5, 'Bổ sung trang thiết bị nhà văn hóa', 'Công chức chuyên môn', 'Tập trung huy động các nguồn lực xây mới nhà văn hóa xã và 05 thôn chưa có nhà văn hóa độc lập; xây dựng khu vui chơi, giải trí cho trẻ em và người cao tuổi; quan tâm đầu tư lắp đặt các dụng cụ thể dục thể thao ngoài trời ở điểm công cộng; bổ sung các trang thiết bị cho các nhà văn hóa đảm bảo phục vụ tốt hơn các hoạt động văn hóa xã, thôn đảm bảo phục vụ tốt hơn các hoạt động văn hóa của người dân;'),
  ('san_xuat',       1, 'Phát triển dịch vụ nông thôn, tái cơ cấu nông nghiệp', 'Công chức chuyên môn', 'Đẩy mạnh củng cố, đổi mới và phát triển hệ thống dịch vụ trong nông thôn; tập trung tổ chức sản xuất, tái cơ cấu ngành nông nghiệp; hoàn thành dần thừa đổi ruộng; chuyển đổi cơ cấu cây trồng vật nuôi theo hướng nâng cao giá trị và chất lượng sản phẩm, có khả năng chống chịu và thích nghi với biến đổi khí hậu; đẩy mạnh công tác chuyển đổi cơ cấu cây trồng sang các loại cây trồng có giá trị kinh tế cao; nâng cao hiệu quả các hình thức tổ chức sản xuất, quản lý nông nghiệp, nông thôn; khuyến khích thành lập các hợp tác xã sản xuất chuyên ngành trong nông nghiệp; nhất là các sản phẩm có thế mạnh của xã, thôn; phấn đấu xã có ít nhất 01 hợp tác xã có liên kết sản xuất-tiêu thụ sản phẩm; thực hiện Chương trình hỗ trợ phát triển kinh tế tập thể, hợp tác xã giai đoạn 2021 -2025, trong đó ưu tiên các HTX nông nghiệp ứng dụng công nghệ cao, liên kết với các doanh nghiệp trong tiêu thụ sản phẩm.'),
  ('san_xuat',       2, 'Dồn thửa đổi ruộng', 'Công chức chuyên môn', 'Đẩy mạnh củng cố, đổi mới và phát triển hệ thống dịch vụ trong nông thôn; tập trung tổ chức sản xuất, tái cơ cấu ngành nông nghiệp; hoàn thành dần thừa đổi ruộng; chuyển đổi cơ cấu cây trồng vật nuôi theo hướng nâng cao giá trị và chất lượng sản phẩm, có khả năng chống chịu và thích nghi với biến đổi khí hậu; đẩy mạnh công tác chuyển đổi cơ cấu cây trồng sang các loại cây trồng có giá trị kinh tế cao; nâng cao hiệu quả các hình thức tổ chức sản xuất, quản lý nông nghiệp, nông thôn; khuyến khích thành lập các hợp tác xã sản xuất chuyên ngành trong nông nghiệp; nhất là các sản phẩm có thế mạnh của xã, thôn; phấn đấu xã có ít nhất 01 hợp tác xã có liên kết sản xuất-tiêu thụ sản phẩm; thực hiện Chương trình hỗ trợ phát triển kinh tế tập thể, hợp tác xã giai đoạn 2021 -2025, trong đó ưu tiên các HTX nông nghiệp ứng dụng công nghệ cao, liên kết với các doanh nghiệp trong tiêu thụ sản phẩm.'),
  ('san_xuat',       3, 'Chuyển đổi cơ cấu cây trồng vật nuôi giá trị cao', 'Công chức chuyên môn', 'Đẩy mạnh củng cố, đổi mới và phát triển hệ thống dịch vụ trong nông thôn; tập trung tổ chức sản xuất, tái cơ cấu ngành nông nghiệp; hoàn thành dần thừa đổi ruộng; chuyển đổi cơ cấu cây trồng vật nuôi theo hướng nâng cao giá trị và chất lượng sản phẩm, có khả năng chống chịu và thích nghi với biến đổi khí hậu; đẩy mạnh công tác chuyển đổi cơ cấu cây trồng sang các loại cây trồng có giá trị kinh tế cao; nâng cao hiệu quả các hình thức tổ chức sản xuất, quản lý nông nghiệp, nông thôn; khuyến khích thành lập các hợp tác xã sản xuất chuyên ngành trong nông nghiệp; nhất là các sản phẩm có thế mạnh của xã, thôn; phấn đấu xã có ít nhất 01 hợp tác xã có liên kết sản xuất-tiêu thụ sản phẩm; thực hiện Chương trình hỗ trợ phát triển kinh tế tập thể, hợp tác xã giai đoạn 2021 -2025, trong đó ưu tiên các HTX nông nghiệp ứng dụng công nghệ cao, liên kết với các doanh nghiệp trong tiêu thụ sản phẩm.'),
  ('san_xuat',       4, 'Thành lập HTX chuyên ngành, liên kết sản xuất – tiêu thụ', 'Công chức chuyên môn', 'Đẩy mạnh củng cố, đổi mới và phát triển hệ thống dịch vụ trong nông thôn; tập trung tổ chức sản xuất, tái cơ cấu ngành nông nghiệp; hoàn thành dần thừa đổi ruộng; chuyển đổi cơ cấu cây trồng vật nuôi theo hướng nâng cao giá trị và chất lượng sản phẩm, có khả năng chống chịu và thích nghi với biến đổi khí hậu; đẩy mạnh công tác chuyển đổi cơ cấu cây trồng sang các loại cây trồng có giá trị kinh tế cao; nâng cao hiệu quả các hình thức tổ chức sản xuất, quản lý nông nghiệp, nông thôn; khuyến khích thành lập các hợp tác xã sản xuất chuyên ngành trong nông nghiệp; nhất là các sản phẩm có thế mạnh của xã, thôn; phấn đấu xã có ít nhất 01 hợp tác xã có liên kết sản xuất-tiêu thụ sản phẩm; thực hiện Chương trình hỗ trợ phát triển kinh tế tập thể, hợp tác xã giai đoạn 2021 -2025, trong đó ưu tiên các HTX nông nghiệp ứng dụng công nghệ cao, liên kết với các doanh nghiệp trong tiêu thụ sản phẩm.'),
  ('san_xuat',       5, 'Quy hoạch vùng sản xuất hàng hóa tập trung', 'Công chức chuyên môn', 'Xây dựng quy hoạch các vùng sản xuất hàng hóa tập trung quy mô lớn dựa trên lợi thế của từng vùng; đẩy mạnh triển khai các dự án phát triển sản xuất nông nghiệp hàng hóa chủ lực trên địa bàn xã; tiếp tục triển khai thực hiện Đề án mỗi xã một sản phẩm (OCOP); phát triển các hình thức tổ chức sản xuất, kinh doanh theo hướng gia tăng lợi ích cho cộng đồng; đồng thời đẩy mạnh phát triển kinh tế tư nhân, kinh tế hộ gia đình kết hợp chuyển dịch dần lao động từ lĩnh vực nông nghiệp sang các lĩnh vực khác.'),
  ('san_xuat',       6, 'Đề án OCOP', 'Công chức chuyên môn', 'Xây dựng quy hoạch các vùng sản xuất hàng hóa tập trung quy mô lớn dựa trên lợi thế của từng vùng; đẩy mạnh triển khai các dự án phát triển sản xuất nông nghiệp hàng hóa chủ lực trên địa bàn xã; tiếp tục triển khai thực hiện Đề án mỗi xã một sản phẩm (OCOP); phát triển các hình thức tổ chức sản xuất, kinh doanh theo hướng gia tăng lợi ích cho cộng đồng; đồng thời đẩy mạnh phát triển kinh tế tư nhân, kinh tế hộ gia đình kết hợp chuyển dịch dần lao động từ lĩnh vực nông nghiệp sang các lĩnh vực khác.'),
  ('san_xuat',       7, 'Phát triển kinh tế tư nhân, hộ gia đình, chuyển dịch lao động', 'Công chức chuyên môn', 'Xây dựng quy hoạch các vùng sản xuất hàng hóa tập trung quy mô lớn dựa trên lợi thế của từng vùng; đẩy mạnh triển khai các dự án phát triển sản xuất nông nghiệp hàng hóa chủ lực trên địa bàn xã; tiếp tục triển khai thực hiện Đề án mỗi xã một sản phẩm (OCOP); phát triển các hình thức tổ chức sản xuất, kinh doanh theo hướng gia tăng lợi ích cho cộng đồng; đồng thời đẩy mạnh phát triển kinh tế tư nhân, kinh tế hộ gia đình kết hợp chuyển dịch dần lao động từ lĩnh vực nông nghiệp sang các lĩnh vực khác.'),
  ('moi_truong',     1, 'Đề án thu gom, xử lý nước thải sinh hoạt (QĐ 175/QĐ-UBND, 19/01/2023)', 'Công chức chuyên môn', 'Tập trung xây dựng cơ sở hạ tầng bảo vệ môi trường khu vực nông thôn; triển khai thực hiện Đề án “thu gom, xử lý nước thải sinh hoạt khu dân cư nông thôn đến năm 2030, tầm nhìn đến năm 2045” đã được UBND tỉnh phê duyệt tại Quyết định số 175/QĐ-UBND ngày 19/01/2023.'),
  ('moi_truong',     2, 'Hệ thống thu gom, vận chuyển, xử lý rác thải sinh hoạt', 'Công chức chuyên môn', 'Đầu tư, cải tạo, nâng cấp đồng bộ hệ thống vận chuyển, thu gom và xử lý rác thải trên địa bàn xã (rác thải sinh hoạt) đảm bảo 100% lượng rác thải trên địa bàn xã được xử lý theo đúng quy định; xây dựng và tổ chức hướng dẫn thực hiện các chương trình, kế hoạch,...về công tác tổ chức phân loại, thu gom, vận chuyển chất thải rắn.'),
  ('moi_truong',     3, 'Phân loại, xử lý rác hữu cơ tại hộ', 'Công chức chuyên môn', 'Khuyến khích, đẩy mạnh và nhân rộng các mô hình phân loại và xử lý rác thải hữu cơ tại hộ gia đình; tăng cường thu gom, tái chế, tái sử dụng các loại chất thải (phụ phẩm nông nghiệp, chất thải chăn nuôi,...) ngay từ nguồn phát sinh theo nguyên lý “kinh tế tuần hoàn”; khuyến khích xây dựng các cộng đồng dân cư không rác thải nhựa.'),
  ('moi_truong',     4, 'Cộng đồng không rác thải nhựa', 'Ủy ban MTTQ và các hội, đoàn thể', 'Khuyến khích, đẩy mạnh và nhân rộng các mô hình phân loại và xử lý rác thải hữu cơ tại hộ gia đình; tăng cường thu gom, tái chế, tái sử dụng các loại chất thải (phụ phẩm nông nghiệp, chất thải chăn nuôi,...) ngay từ nguồn phát sinh theo nguyên lý “kinh tế tuần hoàn”; khuyến khích xây dựng các cộng đồng dân cư không rác thải nhựa.'),
  ('moi_truong',     5, 'Xã hội hóa bảo vệ môi trường', 'Công chức chuyên môn', 'Đẩy mạnh xã hội hóa công tác bảo vệ môi trường, thu hút các doanh nghiệp lớn có tiềm lực tài chính, có kinh nghiệm và có công nghệ hiện đại, tiên tiến, thân thiện với môi trường.'),
  ('moi_truong',     6, 'Xử lý điểm ô nhiễm (kinh doanh, chăn nuôi, mặt nước)', 'Công chức chuyên môn', 'Đẩy mạnh xử lý, khắc phục ô nhiễm và cải thiện chất lượng môi trường tại những khu vực tập trung nhiều nguồn thải, những nơi gây ô nhiễm môi trường nghiêm trọng như: khu kinh doanh dịch vụ, khu chăn nuôi, các khu vực mặt nước bị ô nhiễm,...'),
  ('moi_truong',     7, 'Giám sát thu gom, xử lý chất thải của cơ sở SXKD, chăn nuôi; ký cam kết BVMT', 'Công chức chuyên môn', 'Tăng cường công tác giám sát, kiểm tra, kiểm soát tốt việc thực hiện thu gom, xử lý chất thải trước khi xả thải ra môi trường của các cơ sở sản xuất kinh doanh, dịch vụ, cơ sở chăn nuôi gây ra tình trạng ô nhiễm môi trường; thực hiện tốt việc ký cam kết bảo vệ môi trường.'),
  ('moi_truong',     8, 'Mô hình thôn xóm xanh – sạch – đẹp; trồng hoa, cây xanh; dọn vệ sinh hằng tuần', 'Các thôn', 'Giữ gìn, khôi phục hình ảnh, cảnh quan truyền thống của nông thôn; tập trung phát triển các mô hình thôn, xóm xanh-sạch-đẹp, khu dân cư NTM kiểu mẫu. Phát động các phong trào trồng hoa, cây xanh, phong trào dọn dẹp vệ sinh đường làng, ngõ xóm hàng tuần, hàng tháng, góp phần tạo cảnh quan môi trường nông thôn ngày một “sáng-xanh-sạch-đẹp”.'),
  ('quy_hoach',      1, 'Rà soát, điều chỉnh quy hoạch NTM', 'Công chức địa chính phụ trách NTM', 'Rà soát, điều chỉnh bổ sung quy hoạch NTM, bảo đảm đồng bộ hạ tầng kinh tế - xã hội; quy hoạch gắn với tái cơ cấu ngành nông nghiệp, bảo đảm chất lượng, phù hợp với đặc điểm tự nhiên, kinh tế xã hội. Rà soát, điều chỉnh bổ sung quy hoạch phát triển hạ tầng kinh tế - xã hội-môi trường nông thôn, xây dựng quy hoạch hệ thống thủy lợi đảm bảo phục vụ tốt việc tưới tiêu và thực hiện cơ giới hóa, đưa tiến bộ khoa học kỹ thuật vào sản xuất nông nghiệp.'),
  ('quy_hoach',      2, 'Cắm mốc chỉ giới, quản lý mốc theo quy hoạch', 'Công chức địa chính phụ trách NTM', 'Tiếp tục bổ sung việc thực hiện cấm mốc chi giới các công trình hạ tầng thực tế và quản lý mốc giới theo quy hoạch được duyệt.'),
  ('quy_hoach',      3, 'Lập quy hoạch chi tiết xây dựng', 'Công chức địa chính phụ trách NTM', 'Từng bước lập quy hoạch chi tiết xây dựng (sau quy hoạch chung xây dựng xã) nhằm quản lý hoạt động đầu tư xây dựng, quản lý không gian, cảnh quan.'),
  ('dien',           1, 'Bổ sung trạm biến áp', 'Công chức chuyên môn', 'Bổ sung các trạm biến áp trong các khu dân cư, khu sản xuất đảm bảo cung cấp điện thường xuyên, ổn định phục vụ nhu cầu dân sinh và sản xuất.'),
  ('dien',           2, 'Kiểm tra, bảo dưỡng, thay thiết bị xuống cấp', 'Công chức chuyên môn', 'Thường xuyên kiểm tra, bảo dưỡng, thay thế các thiết bị đã xuống cấp ảnh hưởng đến quá trình truyền tải và dẫn điện của hệ thống.'),
  ('dien',           3, 'Xử lý vi phạm hành lang lưới điện', 'Công chức chuyên môn', 'Tăng cường công tác kiểm tra và có biện pháp xử lý nghiêm các điểm vi phạm hành lang lưới điện.'),
  ('dien',           4, 'Tuyên truyền tiết kiệm điện, khuyến khích điện mặt trời', 'Công chức chuyên môn', 'Đẩy mạnh công tác tuyên truyền nhằm nâng cao ý thức tiết kiệm điện của người dân, khuyến khích phát triển các hệ thống phát điện gia đình như mặt trời.'),
  ('giao_duc',       1, 'Cải tạo, sửa chữa, xây mới trường, phòng học, phòng chức năng', 'Công chức chuyên môn', 'Tiếp tục huy động nguồn lực cải tạo, sửa chữa, xây mới trường học, phòng học, phòng chức năng, các công trình phù trợ ...đã xuống cấp; đẩy mạnh ứng dụng công nghệ thông tin, chuyển đổi số, đa dạng hóa các hình thức dạy và học nhằm thích ứng tốt hơn; chú trọng nâng cao chất lượng, giáo dục, đẩy mạnh phát triển các đề tài nghiên cứu trong nhà trường, hạn chế đến mức thấp nhất tác động của dịch bệnh đến việc tiếp thu kiến thức của các em học sinh.'),
  ('giao_duc',       2, 'Ứng dụng CNTT, chuyển đổi số trong dạy học', 'Công chức chuyên môn', 'Tiếp tục huy động nguồn lực cải tạo, sửa chữa, xây mới trường học, phòng học, phòng chức năng, các công trình phù trợ ...đã xuống cấp; đẩy mạnh ứng dụng công nghệ thông tin, chuyển đổi số, đa dạng hóa các hình thức dạy và học nhằm thích ứng tốt hơn; chú trọng nâng cao chất lượng, giáo dục, đẩy mạnh phát triển các đề tài nghiên cứu trong nhà trường, hạn chế đến mức thấp nhất tác động của dịch bệnh đến việc tiếp thu kiến thức của các em học sinh.'),
  ('giao_duc',       3, 'Duy trì chuẩn cơ sở vật chất', 'Công chức chuyên môn', 'Duy trì mức đạt chuẩn về cơ sở vật chất của các trường học; duy trì tỷ lệ học sinh tốt nghiệp THCS được tiếp tục học THPT hoặc tương đương, tỷ lệ học sinh tốt nghiệp THPT ở mức cao; duy trì tỷ lệ trẻ mẫu giáo 5 tuổi đến trường và tỷ lệ trẻ 6 tuổi vào lớp 1 ở mức 100%; tiếp tục nâng cao mức đạt chuẩn phổ cập giáo dục ở các bậc học; tiếp tục đầu tư, xây mới các phòng học, bổ sung các thiết bị giáo dục cho các cấp trường đảm bảo phục vụ công tác dạy và học, xây dựng mô hình phòng học thông minh, phòng học trực tuyến.'),
  ('giao_duc',       4, 'Phòng học thông minh, phòng học trực tuyến', 'Công chức chuyên môn', 'Duy trì mức đạt chuẩn về cơ sở vật chất của các trường học; duy trì tỷ lệ học sinh tốt nghiệp THCS được tiếp tục học THPT hoặc tương đương, tỷ lệ học sinh tốt nghiệp THPT ở mức cao; duy trì tỷ lệ trẻ mẫu giáo 5 tuổi đến trường và tỷ lệ trẻ 6 tuổi vào lớp 1 ở mức 100%; tiếp tục nâng cao mức đạt chuẩn phổ cập giáo dục ở các bậc học; tiếp tục đầu tư, xây mới các phòng học, bổ sung các thiết bị giáo dục cho các cấp trường đảm bảo phục vụ công tác dạy và học, xây dựng mô hình phòng học thông minh, phòng học trực tuyến.'),
  ('giao_duc',       5, 'Cảnh quan trường học', 'Công chức chuyên môn', 'Quan tâm, chú trọng xây dựng cảnh quan các trường học, lớp học sạch sẽ, thoáng mát; bố trí khoa học các thiết bị học tập và khu vệ sinh.'),
  ('thuong_mai',     1, 'Xã hội hóa, thu hút doanh nghiệp đầu tư hạ tầng thương mại', 'Công chức chuyên môn', 'Đầu mạnh xã hội hóa, mời gọi các doanh nghiệp tham gia đầu tư cơ sở hạ tầng trên địa bàn; có chính sách thông thoáng, thuận lợi, thu hút những doanh nghiệp lớn, có tiềm lực về tài chính, có nhiều năm kinh nghiệm tới đầu tư phát triển các Trung tâm thương mại trên địa bàn; coi trọng phát triển thương mại điện tử tới gần người dân.'),
  ('thuong_mai',     2, 'Phát triển thương mại điện tử', 'Công chức chuyên môn', 'Đầu mạnh xã hội hóa, mời gọi các doanh nghiệp tham gia đầu tư cơ sở hạ tầng trên địa bàn; có chính sách thông thoáng, thuận lợi, thu hút những doanh nghiệp lớn, có tiềm lực về tài chính, có nhiều năm kinh nghiệm tới đầu tư phát triển các Trung tâm thương mại trên địa bàn; coi trọng phát triển thương mại điện tử tới gần người dân.'),
  ('tt_tt',          1, 'Hạ tầng viễn thông, Internet ổn định', 'Công chức chuyên môn', 'Tạo điều kiện thuận lợi cho các doanh nghiệp kinh doanh các dịch vụ viễn thông trên địa bàn hoạt động; phối hợp với các doanh nghiệp để bố trí các trạm thu, phát sóng, nâng cấp đường truyền dẫn đảm bảo cung cấp dịch vụ Internet được ổn định, thường xuyên với dung lượng cao.'),
  ('tt_tt',          2, 'Cơ sở dữ liệu chuyên ngành', 'Công chức chuyên môn', 'Xây dựng hoàn thiện các cơ sở dữ liệu chuyên ngành, cập nhật triển khai các hệ thống thông tin, cơ sở dữ liệu quốc gia; hoàn thiện kết nối liên thông chia sẻ dữ liệu với Cổng dịch vụ công và Hệ thống thông tin một cửa điện tử phục vụ nhân dân; xây dựng phát triển chính quyền điện tử bảo đảm gắn kết chặt chẽ giữa ứng dụng công nghệ thông tin với cải cách hành chính.'),
  ('tt_tt',          3, 'Liên thông Cổng dịch vụ công, một cửa điện tử', 'Công chức chuyên môn', 'Xây dựng hoàn thiện các cơ sở dữ liệu chuyên ngành, cập nhật triển khai các hệ thống thông tin, cơ sở dữ liệu quốc gia; hoàn thiện kết nối liên thông chia sẻ dữ liệu với Cổng dịch vụ công và Hệ thống thông tin một cửa điện tử phục vụ nhân dân; xây dựng phát triển chính quyền điện tử bảo đảm gắn kết chặt chẽ giữa ứng dụng công nghệ thông tin với cải cách hành chính.'),
  ('tt_tt',          4, 'Chính quyền điện tử', 'Công chức chuyên môn', 'Xây dựng hoàn thiện các cơ sở dữ liệu chuyên ngành, cập nhật triển khai các hệ thống thông tin, cơ sở dữ liệu quốc gia; hoàn thiện kết nối liên thông chia sẻ dữ liệu với Cổng dịch vụ công và Hệ thống thông tin một cửa điện tử phục vụ nhân dân; xây dựng phát triển chính quyền điện tử bảo đảm gắn kết chặt chẽ giữa ứng dụng công nghệ thông tin với cải cách hành chính.'),
  ('nha_o',          1, 'Hỗ trợ xây nhà cho người có công, hộ nghèo, neo đơn', 'Công chức chuyên môn', 'Duy trì các chính sách hỗ trợ người dân (người có công, người nghèo, người neo đơn,...) xây nhà ở, đảm bảo trên địa bàn xã không có nhà tạm, nhà dột nát; duy trì 100% nhà đạt chuẩn theo quy định của Bộ xây dựng; kết hợp giữa kiến trúc hiện đại với kiến trúc truyền thống; định hướng quy hoạch không gian nông thôn đảm bảo vẫn giữ được kiến trúc xây dựng nhà ở, đáp ứng nhu cầu cao hơn của người dân.'),
  ('thu_nhap_ngheo', 1, 'Quỹ "Vì người nghèo"', 'Ủy ban MTTQ và các hội, đoàn thể', 'Thực hiện tốt chính sách an sinh xã hội; vận động các cơ quan, đơn vị, doanh nghiệp, nhà hảo tâm và các tầng lớp nhân dân ủng hộ Quỹ “Vì người nghèo”; vận động cán bộ, hội viên, nông dân các ngành đoàn thể để xây nhà ở cho hộ nghèo có hoàn cảnh đặc biệt khó khăn; tạo điều kiện về vốn để các hộ sản xuất, hỗ trợ khoa học kỹ thuật, đào tạo nghề,...nhằm giúp các hộ thoát nghèo bền vững.'),
  ('thu_nhap_ngheo', 2, 'Xây nhà cho hộ nghèo khó khăn', 'Ủy ban MTTQ và các hội, đoàn thể', 'Thực hiện tốt chính sách an sinh xã hội; vận động các cơ quan, đơn vị, doanh nghiệp, nhà hảo tâm và các tầng lớp nhân dân ủng hộ Quỹ “Vì người nghèo”; vận động cán bộ, hội viên, nông dân các ngành đoàn thể để xây nhà ở cho hộ nghèo có hoàn cảnh đặc biệt khó khăn; tạo điều kiện về vốn để các hộ sản xuất, hỗ trợ khoa học kỹ thuật, đào tạo nghề,...nhằm giúp các hộ thoát nghèo bền vững.'),
  ('thu_nhap_ngheo', 3, 'Vốn, khoa học kỹ thuật, đào tạo nghề cho hộ nghèo', 'Công chức chuyên môn', 'Thực hiện tốt chính sách an sinh xã hội; vận động các cơ quan, đơn vị, doanh nghiệp, nhà hảo tâm và các tầng lớp nhân dân ủng hộ Quỹ “Vì người nghèo”; vận động cán bộ, hội viên, nông dân các ngành đoàn thể để xây nhà ở cho hộ nghèo có hoàn cảnh đặc biệt khó khăn; tạo điều kiện về vốn để các hộ sản xuất, hỗ trợ khoa học kỹ thuật, đào tạo nghề,...nhằm giúp các hộ thoát nghèo bền vững.'),
  ('lao_dong',       1, 'Duy trì chuẩn tiêu chí lao động', 'Công chức chuyên môn', 'Duy trì mức đạt chuẩn tiêu chí về lao động. Tỷ lệ lao động qua đào tạo ≥ 85%. Tỷ lệ lao động qua đào tạo có bằng cấp, chứng chỉ ≥ 35%. Tỷ lệ lao động làm việc trong các ngành kinh tế chủ lực trên địa bàn ≥ 76,5%.'),
  ('y_te',           1, 'Nâng cấp, sửa chữa Trạm y tế; bổ sung trang thiết bị', 'Công chức chuyên môn', 'Huy động nguồn lực đầu tư, nâng cấp, sửa chữa Trạm y tế; đầu tư các trang thiết bị còn thiếu tại trạm y tế nhằm đáp ứng nhu cầu khám, chữa bệnh của người dân và phục vụ công tác phòng chống dịch.'),
  ('y_te',           2, 'Mạng lưới y tế cơ sở', 'Công chức chuyên môn', 'Xây dựng và phát triển mạng lưới y tế cơ sở trong tình hình mới đáp ứng yêu cầu của Bộ tiêu chí Quốc gia về NTM, nâng cao hiệu quả phòng chống bệnh lây nhiễm, cải thiện dinh dưỡng và nâng cao chất lượng khám chữa bệnh cho người dân nông thôn; tăng cường chất lượng dịch vụ y tế ban đầu cho người dân ở tuyến xã, đảm bảo chăm sóc sức khỏe toàn diện, liên tục; chú trọng đầy mạnh và nâng cao hiệu quả công tác chăm sóc sức khỏe và dinh dưỡng của bà mẹ và trẻ em ở khu vực nông thôn; cung cấp các can thiệp trực tiếp phòng chống suy dinh dưỡng, thiếu vi chất dinh dưỡng cho bà mẹ và trẻ em dưới 5 tuổi; kiểm soát sự gia tăng thừa cân béo phì ở trẻ em.'),
  ('y_te',           3, 'Dinh dưỡng bà mẹ, trẻ em dưới 5 tuổi', 'Công chức chuyên môn', 'Xây dựng và phát triển mạng lưới y tế cơ sở trong tình hình mới đáp ứng yêu cầu của Bộ tiêu chí Quốc gia về NTM, nâng cao hiệu quả phòng chống bệnh lây nhiễm, cải thiện dinh dưỡng và nâng cao chất lượng khám chữa bệnh cho người dân nông thôn; tăng cường chất lượng dịch vụ y tế ban đầu cho người dân ở tuyến xã, đảm bảo chăm sóc sức khỏe toàn diện, liên tục; chú trọng đầy mạnh và nâng cao hiệu quả công tác chăm sóc sức khỏe và dinh dưỡng của bà mẹ và trẻ em ở khu vực nông thôn; cung cấp các can thiệp trực tiếp phòng chống suy dinh dưỡng, thiếu vi chất dinh dưỡng cho bà mẹ và trẻ em dưới 5 tuổi; kiểm soát sự gia tăng thừa cân béo phì ở trẻ em.'),
  ('y_te',           4, 'Kiểm soát thừa cân béo phì ở trẻ em', 'Công chức chuyên môn', 'Xây dựng và phát triển mạng lưới y tế cơ sở trong tình hình mới đáp ứng yêu cầu của Bộ tiêu chí Quốc gia về NTM, nâng cao hiệu quả phòng chống bệnh lây nhiễm, cải thiện dinh dưỡng và nâng cao chất lượng khám chữa bệnh cho người dân nông thôn; tăng cường chất lượng dịch vụ y tế ban đầu cho người dân ở tuyến xã, đảm bảo chăm sóc sức khỏe toàn diện, liên tục; chú trọng đầy mạnh và nâng cao hiệu quả công tác chăm sóc sức khỏe và dinh dưỡng của bà mẹ và trẻ em ở khu vực nông thôn; cung cấp các can thiệp trực tiếp phòng chống suy dinh dưỡng, thiếu vi chất dinh dưỡng cho bà mẹ và trẻ em dưới 5 tuổi; kiểm soát sự gia tăng thừa cân béo phì ở trẻ em.'),
  ('van_hoa',        6, 'Thiết chế văn hóa, thể thao', 'Công chức chuyên môn', 'Tiếp tục xây dựng, nâng cao hiệu quả hoạt động của hệ thống thiết chế văn hóa, thể thao; tăng cường nâng cao chất lượng hoạt động văn hóa, thể dục thể thao; gắn với tổ chức cộng đồng, kết nối các tầng lớp nhân dân, đáp ứng nhu cầu vui chơi, giải trí cho người dân, nhất là trẻ em, phụ nữ và người cao tuổi.'),
  ('van_hoa',        7, 'Câu lạc bộ văn hóa nghệ thuật, bảo tồn di sản', 'Công chức chuyên môn', 'Bảo tồn và phát huy các di sản văn hóa, nhân rộng mô hình câu lạc bộ hoạt động văn hóa nghệ thuật nhằm bảo tồn các giá trị văn hóa truyền thống; phát huy và giới thiệu các giá trị văn hóa truyền thống phục vụ cho phát triển du lịch của địa phương.'),
  ('van_hoa',        8, 'Phong trào thể dục thể thao', 'Công chức chuyên môn', 'Phát động các phong trào rèn luyện thể dục thể thao phù hợp với từng đối tượng.'),
  ('htct_phap_luat', 1, 'Đào tạo, bồi dưỡng cán bộ, công chức đạt chuẩn', 'Công chức chuyên môn', 'Tăng cường đào tạo, bồi dưỡng cán bộ, công chức xã đạt chuẩn về trình độ chuyên môn, lý luận chính trị và kiến thức quản lý Nhà nước theo quy định, đáp ứng yêu cầu xây dựng NTM.'),
  ('htct_phap_luat', 2, 'Lấy ý kiến sự hài lòng của người dân', 'Ủy ban MTTQ và các hội, đoàn thể', 'Các tổ chức chính trị-xã hội của xã tích cực, chủ động tham gia xây dựng NTM, hàng năm triển khai thực hiện có hiệu quả cụ thể; định kỳ tổ chức lấy ý kiến về sự hài lòng của người dân về chất lượng cung cấp dịch vụ công và kết quả xây dựng NTM trên địa bàn xã.'),
  ('htct_phap_luat', 3, 'Dịch vụ công trực tuyến mức độ 3 trở lên', 'Công chức chuyên môn', 'Tăng cường hơn nữa việc ứng dụng công nghệ thông tin trong giải quyết thủ tục hành chính. Duy trì mức độ dịch vụ công trực tuyến mức độ 3 trở lên.'),
  ('htct_phap_luat', 4, 'Giải quyết TTHC đúng quy định, không khiếu nại vượt cấp', 'Công chức chuyên môn', 'Giải quyết các thủ tục hành chính đảm bảo đúng quy định và không để xảy ra khiếu nại vượt cấp.'),
  ('htct_phap_luat', 5, 'Mô hình điển hình phổ biến, giáo dục pháp luật, hòa giải cơ sở', 'Công chức chuyên môn', 'Phấn đấu hàng năm xã có ít nhất mô hình điển hình về phổ biến, giáo dục pháp luật, hòa giải cơ sở hoạt động hiệu quả được công nhận; tỷ lệ mâu thuẫn, tranh chấp, vi phạm thuộc phạm vi hòa giải được hòa giải thành công ≥90%; tỷ lệ người dân thuộc đối tượng pháp lý tiếp cận và được trợ giúp pháp lý khi có yêu cầu là ≥90%.'),
  ('qp_an',          1, 'Tuyên truyền, giáo dục quốc phòng', 'Công chức chuyên môn', 'Thường xuyên thực hiện tuyên truyền giáo dục kiến thức quốc phòng-quân sự cho cán bộ và nhân dân; xây dựng lực lượng vũ trang mạnh về chính trị, tư tưởng và tổ chức; hoàn thành tốt nhiệm vụ quân sự địa phương; góp phần giữ vững an ninh chính trị-trật tự an toàn xã hội trên địa bàn, xây dựng thế trận quốc phòng toàn dân vững chắc.'),
  ('qp_an',          2, 'Xây dựng lực lượng vũ trang', 'Công chức chuyên môn', 'Thường xuyên thực hiện tuyên truyền giáo dục kiến thức quốc phòng-quân sự cho cán bộ và nhân dân; xây dựng lực lượng vũ trang mạnh về chính trị, tư tưởng và tổ chức; hoàn thành tốt nhiệm vụ quân sự địa phương; góp phần giữ vững an ninh chính trị-trật tự an toàn xã hội trên địa bàn, xây dựng thế trận quốc phòng toàn dân vững chắc.'),
  ('qp_an',          3, 'Phòng chống tội phạm, tệ nạn xã hội', 'Công chức chuyên môn', 'Thực hiện tốt các quy định của pháp luật về công tác đảm bảo an ninh, trật tự, phòng, chống tội phạm, tệ nạn xã hội và những vi phạm pháp luật khác ở thôn, xóm, khu dân cư; đảm bảo giữ gìn ổn định tình hình trật tự trên địa bàn nông thôn; lắp đặt camera tại các trục đường chính của xã, thôn nhằm tăng cường hơn nữa công tác an ninh nông thôn đồng thời đảm bảo hoàn thiện nội dung xây dựng nông thôn mới nâng cao, nông thôn mới kiểu mẫu.'),
  ('qp_an',          4, 'Lắp camera trên các trục đường chính của xã, thôn', 'Công chức chuyên môn', 'Thực hiện tốt các quy định của pháp luật về công tác đảm bảo an ninh, trật tự, phòng, chống tội phạm, tệ nạn xã hội và những vi phạm pháp luật khác ở thôn, xóm, khu dân cư; đảm bảo giữ gìn ổn định tình hình trật tự trên địa bàn nông thôn; lắp đặt camera tại các trục đường chính của xã, thôn nhằm tăng cường hơn nữa công tác an ninh nông thôn đồng thời đảm bảo hoàn thiện nội dung xây dựng nông thôn mới nâng cao, nông thôn mới kiểu mẫu.'),
  ('giai_phap',      1, 'Thôn Cự Đình, Thục Cầu được công nhận khu dân cư NTM kiểu mẫu', 'Các thôn', 'Năm 2024 phấn đấu thôn Cự Đinh, Thục Cầu được công nhận khu dân cư NTM kiểu mẫu. Để thôn Cự Đinh, Thục Cầu đạt được khu dân cư NTM kiểu mẫu năm 2024 . Đảng ủy-HĐND-UBND xã cần tập trung đầu tư kinh phí, nguồn lực để hoàn thiện các tiêu chí chưa đạt như: đường giao thông, rãnh thoát nước, cơ sở vật chất, Nhà văn hóa và trang thiết bị Nhà văn hóa, vệ sinh môi trường...'),
  ('giai_phap',      2, 'Kiện toàn Ban chỉ đạo NTM', 'Công chức địa chính phụ trách NTM', 'Thường xuyên kiện toàn Ban chỉ đạo NTM, đảm bảo công tác lãnh đạo, chỉ đạo được thường xuyên, liên tục, thông suốt và hiệu quả.'),
  ('giai_phap',      3, 'Thông tin, tuyên truyền (cuộc thi "Tuyến đường NTM kiểu mẫu" của UBND tỉnh)', 'Ủy ban MTTQ và các hội, đoàn thể', 'Đẩy mạnh công tác thông tin, tuyên truyền các chủ trương, đường lối của Đảng, chính sách pháp luật mới của Nhà nước trong lĩnh vực xây dựng NTM; các văn bản, hướng dẫn của Ban chỉ đạo và các phòng, ngành, MTTQ và các đoàn thể huyện liên quan đến Chương trình xây dựng NTM,... Tuyên truyền về kết quả thực hiện phong trào thi đua chung sức NTM, xây dựng NTM gắn liền với tái cơ cấu và hiện đại hóa nông nghiệp, nông thôn, quá trình đô thị hóa; đồng thời tuyên truyền những gương điển hình, gương người tốt việc tốt, mô hình sản xuất tiêu biểu, những sáng kiến và mô hình tiêu biểu về giữ gìn và bảo vệ môi trường,...kịp thời phản ánh những khó khăn, vướng mắc trong quá trình triển khai thực hiện. Tuyên truyền về mục tiêu, nội dung, giải pháp và tổ chức thực hiện Chương trình MTQG xây dựng NTM nâng cao, kiểu mẫu giai đoạn 2021-2025. Lựa chọn một số chủ đề tiêu biểu để xây dựng kế hoạch tuyên truyền, nhằm tạo sức lan tỏa rộng khắp những mô hình điển hình tiêu biểu như: Kế hoạch cuộc thi “Tuyên đường NTM kiểu mẫu” do UBND tỉnh phát động.'),
  ('giai_phap',      4, 'Bồi dưỡng, tập huấn, tham quan học tập', 'Công chức địa chính phụ trách NTM', 'Tăng cường tham gia các lớp bồi dưỡng, tập huấn về xây dựng NTM thông qua các lớp tập huấn hàng năm; các buổi tham quan học tập kinh nghiệm về xây dựng NTM ở những nơi có phong trào xây dựng NTM phát triển và đạt kết quả cao, đặc biệt là những thôn xây dựng khu dân cư NTM kiểu mẫu.'),
  ('giai_phap',      5, 'Huy động nguồn vốn (đấu giá quyền sử dụng đất, xã hội hóa, tín dụng, người con quê hương)', 'Công chức Tài chính – Kế toán', 'Đẩy mạnh công tác đấu giá đất để tạo nguồn xây dựng NTM. Huy động, sử dụng các nguồn lợi hợp pháp, đấu giá quyền sử dụng đất cho nhân dân làm nhà ở và xử lý đất dôi dư, xen kẽ bảo đảm đúng quy định của pháp luật. Có cơ chế thông thoáng, khuyến khích doanh nghiệp đầu tư vào lĩnh vực nông nghiệp, nông thôn; các tổ chức tín dụng trên địa bàn tạo điều kiện thuận lợi để mở rộng đầu tư tín dụng, đặc biệt là lĩnh vực nông nghiệp nông thôn; kêu gọi sự ủng hộ, đóng góp xây dựng NTM của người con quê hương. Cân đối ngân sách để thực hiện hỗ trợ các tiêu chí hoặc các nội dung nhiệm vụ khó thực hiện từ nguồn xã hội hóa như: Xây dựng trường học, nhà văn hóa, đường giao thông... ưu tiên nguồn lực hỗ trợ từ ngân sách Nhà nước cho các thôn đăng ký khu căn cứ NTM kiểu mẫu.'),
  ('giai_phap',      6, 'Thi đua, khen thưởng', 'Công chức địa chính phụ trách NTM', 'Phát động các phong trào thi đua xây dựng NTM nâng cao, kiểu mẫu trên địa bàn xã như: phong trào trồng hoa, cây xanh, phong trào nhân rộng mô hình xử lý rác thải hữu cơ tại hộ gia đình, phong trào phát triển các mô hình nông nghiệp tiên tiến, công nghệ cao.. Khen thưởng kịp thời cho các thôn, tổ chức, cá nhân... có thành tích xuất sắc đóng góp lớn trong công cuộc xây dựng NTM nâng cao, kiểu mẫu.')
)
INSERT INTO task(id, plan_id, sector_id, title, detail, responsible,
                 due, status, progress, ord)
SELECT ntm_id(),
       (SELECT p.id FROM plan p JOIN unit u ON u.id = p.unit_id
         WHERE u.level = 'xa' AND u.name = 'Việt Hưng' AND p.year = 2024 AND p.number = '32/KH-UBND'),
       (SELECT id FROM sector WHERE code = v.sector),
       title, detail, responsible,
       NULL, 'chua_bat_dau', 0, ord
FROM v;

-- Village checklists: the whole 'kdc_km' template copied to each village of
-- Việt Hưng. From here on the items belong to the village (edited per village).
INSERT INTO checklist_item(id, unit_id, template_id, title, done, ord)
SELECT ntm_id(), u.id, t.id, t.title, 0, t.ord
FROM unit u
JOIN unit p ON p.id = u.parent_id AND p.level = 'xa' AND p.name = 'Việt Hưng'
JOIN checklist_template t
  ON t.set_id = (SELECT id FROM criteria_set WHERE code = 'kdc_km')
WHERE u.level = 'thon' AND u.name IN ('Cự Đình', 'Thục Cầu')
ORDER BY u.ord, t.ord;
