/** A table's header row: the row heads' title, then one head per column. */
export function ColumnHeads({
  first,
  columns,
}: {
  first: string;
  columns: { key: string; label: string }[];
}) {
  return (
    <thead>
      <tr>
        <th scope="col">{first}</th>
        {columns.map(({ key, label }) => (
          <th key={key} scope="col">
            {label}
          </th>
        ))}
      </tr>
    </thead>
  );
}
