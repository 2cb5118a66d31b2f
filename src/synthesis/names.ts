// Hamlet names in the style of the Mekong delta: canals (kinh, rạch, xẻo), settlements
// (xóm, vàm) and auspicious compounds. Invented for the simulation, not a gazetteer.
export const HAMLET_NAMES: readonly string[] = [
  'Tân Hòa', 'Tân Lợi', 'Tân Phong', 'Tân Long', 'Tân Điền', 'Tân Hiệp', 'Tân Thành',
  'Bình Minh', 'Bình Thành', 'Bình Hưng', 'Hòa Bình', 'Hòa Thành', 'Hiệp Thành', 'Thuận Lợi',
  'Đồng Tâm', 'Đoàn Kết', 'Thanh Tùng', 'Thanh Điền', 'Phú Lợi', 'Phú Hiệp', 'Mỹ Bình',
  'Kinh Ngang', 'Kinh Đứng', 'Kinh Hội', 'Kinh Tư', 'Kinh Năm', 'Kinh Xáng', 'Kinh Lộ',
  'Rạch Muống', 'Rạch Lăng', 'Rạch Cui', 'Rạch Ráng', 'Rạch Tàu', 'Rạch Bần',
  'Xẻo Quao', 'Xẻo Đước', 'Xẻo Lá', 'Xẻo Mắm', 'Cái Nháp', 'Cái Cám', 'Cái Bát', 'Cái Keo',
  'Vàm Xáng', 'Vàm Đình', 'Xóm Mới', 'Xóm Lớn', 'Xóm Ruộng', 'Bào Sen', 'Bào Bèo',
  'Láng Tròn', 'Lung Lá', 'Lung Ranh', 'Trại Lưới', 'Cây Khô', 'Cây Dương', 'Mương Điều',
  'Bà Điều', 'Ông Đơn', 'Ông Trang', 'Chợ Thủy', 'Nhà Máy', 'Đầu Sấu', 'Giáp Nước',
  'Công Nghiệp', 'Sào Lưới', 'Nông Trường', 'Minh Hà', 'Vĩnh Thạnh', 'Thạnh Hòa', 'Hưng Thành',
];
