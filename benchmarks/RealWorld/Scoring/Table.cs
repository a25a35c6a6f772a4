namespace RealWorld.Scoring;

/// <summary>Left-aligned first column, right-aligned numbers, two spaces between columns.</summary>
internal static class Table
{
    public static void Write(IReadOnlyList<string[]> rows)
    {
        var widths = Enumerable.Range(0, rows[0].Length).Select(i => rows.Max(r => r[i].Length)).ToArray();
        foreach (var row in rows)
        {
            var cells = row.Select((cell, i) => i == 0 ? cell.PadRight(widths[i]) : cell.PadLeft(widths[i]));
            Console.WriteLine("  " + string.Join("  ", cells).TrimEnd());
        }
    }
}
