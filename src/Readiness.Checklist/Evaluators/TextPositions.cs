namespace Readiness.Checklist.Evaluators;

/// <summary>1-based line and column of an index in a text, and the line itself, for findings.</summary>
internal sealed class TextPositions
{
    private readonly string _text;
    private readonly List<int> _lineStarts = [0];

    public TextPositions(string text)
    {
        _text = text;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                _lineStarts.Add(i + 1);
            }
        }
    }

    public (int Line, int Column) At(int index)
    {
        var line = _lineStarts.BinarySearch(index);
        line = line >= 0 ? line : ~line - 1;
        return (line + 1, index - _lineStarts[line] + 1);
    }

    /// <summary>The text of a 1-based line, without its line break, cut to <paramref name="max"/> characters.</summary>
    public string Line(int line, int max = 200)
    {
        var start = _lineStarts[line - 1];
        var end = line < _lineStarts.Count ? _lineStarts[line] : _text.Length;
        var text = _text[start..end].TrimEnd('\r', '\n');
        return text.Length > max ? text[..max] + "…" : text;
    }
}
