/**
 * A button that opens the file picker: a real, labelled `<input type=file>` (keyboard and
 * tests reach it), cleared after each choice so that the same file can be chosen again.
 */
export function FileButton({ label, accept, multiple = false, onFiles }: { label: string; accept: string; multiple?: boolean; onFiles: (files: File[]) => void }) {
  return (
    <label className="file-button">
      {label}
      <input
        type="file"
        accept={accept}
        multiple={multiple}
        onChange={(event) => {
          onFiles([...(event.target.files ?? [])]);
          event.target.value = '';
        }}
      />
    </label>
  );
}
