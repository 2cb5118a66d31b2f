// Texts of the zoomed-out map of a large data set: coverage per grid cell (vi default, en).
export const mapVi = {
  cellTitle: 'Ô lưới khoảng {km} km',
  cellPoints: 'Số điểm',
  cellGoodShare: 'Sóng tốt',
  cellClassAll: 'Tất cả sóng tốt',
  cellClass90: '90% trở lên',
  cellClass50: '50–90%',
  cellClassLow: 'Dưới 50%',
  cellsNote: 'Nhiều điểm quá để vẽ từng điểm: mỗi ô cho tỉ lệ điểm có sóng tốt. Phóng to để thấy từng ấp, trường và trạm.',
  cellsLegend: 'Tỉ lệ điểm có sóng tốt trong ô',
  cellsWaiting: 'Đang tính vùng phủ sóng cho các ô…',
} as const;

export const mapEn: Record<keyof typeof mapVi, string> = {
  cellTitle: 'Grid cell of about {km} km',
  cellPoints: 'Points',
  cellGoodShare: 'Good signal',
  cellClassAll: 'All with good signal',
  cellClass90: '90% or more',
  cellClass50: '50–90%',
  cellClassLow: 'Under 50%',
  cellsNote: 'Too many points to draw one by one: each cell shows the share of points with good signal. Zoom in to see each hamlet, school and tower.',
  cellsLegend: 'Share of points with good signal in the cell',
  cellsWaiting: 'Computing coverage for the cells…',
};
