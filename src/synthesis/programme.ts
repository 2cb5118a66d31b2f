// The province's 2021 programme "Sóng và máy tính cho em", as targets the dashboard tracks.
import type { Programme } from '../domain/types.ts';

export const PROGRAMME: Programme = {
  name: 'Sóng và máy tính cho em',
  targets: [
    {
      id: 'hamlets-4g-2021-10',
      metric: 'hamlets_good_pct',
      target: 100,
      deadline: '2021-10-15',
      labelVi: 'Phủ sóng 4G 100% ấp, khóm, nhất là vùng sâu, vùng xa',
      labelEn: '4G signal in 100% of hamlets, remote areas first',
    },
    {
      id: 'population-4g-2021-12',
      metric: 'population_good_pct',
      target: 100,
      deadline: '2021-12-31',
      labelVi: 'Hoàn thành nâng cấp hạ tầng Internet ở mọi địa phương',
      labelEn: 'Internet infrastructure upgraded in every locality',
    },
    {
      id: 'schools-4g-2021-12',
      metric: 'schools_good_pct',
      target: 100,
      deadline: '2021-12-31',
      labelVi: '100% trường học có sóng 4G hoặc cáp quang để dạy, học trực tuyến',
      labelEn: '100% of schools with 4G or fixed broadband for online teaching',
    },
    {
      id: 'computers-2021-12',
      metric: 'computers_delivered',
      target: 4500,
      deadline: '2021-12-31',
      labelVi: 'Vận động 4.500 máy tính cho học sinh hộ nghèo, cận nghèo, có hoàn cảnh khó khăn',
      labelEn: '4,500 computers for students from poor and near-poor households and in hardship',
    },
    {
      id: 'data-sims-2021-12',
      metric: 'data_sims_delivered',
      target: 7500,
      deadline: '2021-12-31',
      labelVi: 'Miễn phí 4 GB dữ liệu mỗi ngày cho khoảng 7.500 học sinh',
      labelEn: 'Free data, 4 GB a day, for about 7,500 students',
    },
    {
      id: 'students-equipped-2022-09',
      metric: 'students_in_need_equipped_pct',
      target: 100,
      deadline: '2022-09-05',
      labelVi: '100% học sinh hộ nghèo, cận nghèo có máy tính từ năm học 2022–2023',
      labelEn: '100% of students from poor and near-poor households with a computer from school year 2022–2023',
    },
  ],
};
