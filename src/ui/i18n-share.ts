// Texts of the exports, the gap register and the importer (vi default, en).
export const shareVi = {
  exportHeading: 'Xuất',
  exportPng: 'Tải ảnh bản đồ (PNG)',
  exportPngWorking: 'Đang vẽ ảnh…',
  exportPngDone: 'Đã tạo {file}.',
  exportPngFailed: 'Không tạo được ảnh: {message}',
  exportNoMap: 'Bản đồ chưa hiện lên.',
  pngScenario: 'Kịch bản: {scenario} · Lập ngày {today} bằng Sóng Map',
  pngShading: 'Tô màu theo huyện: {metric}',
} as const;

export const shareEn: Record<keyof typeof shareVi, string> = {
  exportHeading: 'Export',
  exportPng: 'Download the map (PNG)',
  exportPngWorking: 'Drawing the picture…',
  exportPngDone: 'Made {file}.',
  exportPngFailed: 'Could not make the picture: {message}',
  exportNoMap: 'The map is not on screen yet.',
  pngScenario: 'Scenario: {scenario} · Made on {today} with Sóng Map',
  pngShading: 'District shading: {metric}',
};
