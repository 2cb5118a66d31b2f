import { describe, expect, it } from 'vitest';
import { EngineFailure, failureText } from '../../../src/domain/messages/failure.ts';

describe('a worker failure on the page', () => {
  it('is said in the user\'s language from its code, across a message-only channel', () => {
    const message = new EngineFailure('engine-fetch', { path: 'hamlets.geojson', status: 404 }).message;
    expect(failureText(message, 'vi')).toBe('Không tải được tệp "hamlets.geojson" (HTTP 404).');
    expect(failureText(message, 'en')).toBe('The file "hamlets.geojson" could not be loaded (HTTP 404).');
    expect(failureText(new EngineFailure('engine-no-data').message, 'vi')).toContain('Chưa có dữ liệu');
  });

  it('says anything else as an internal failure, in the language, with its detail', () => {
    expect(failureText('Cannot read properties of undefined', 'vi')).toBe('Tính toán bị lỗi (Cannot read properties of undefined); xin hãy báo lại lỗi này.');
    expect(failureText('problem:{not json', 'en')).toContain('The computation failed');
  });
});
