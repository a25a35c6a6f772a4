namespace RealWorld.Labels;

/// <summary>A malformed row of a TSV input; the message starts with `file:line:`.</summary>
internal sealed class LabelFormatException(string where, string problem) : Exception($"{where}: {problem}");
