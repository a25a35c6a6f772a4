using System.Globalization;
using Readiness.Checklist.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Readiness.Checklist.Loading;

/// <summary>Reads typed values out of YAML nodes, collecting every error with the node's line and column.</summary>
internal sealed class YamlReader(string file)
{
    public string File { get; } = file;

    public List<ChecklistError> Errors { get; } = [];

    public void Error(YamlNode? node, string message) =>
        Errors.Add(new ChecklistError(File, (int)(node?.Start.Line ?? 1), (int)(node?.Start.Column ?? 1), message));

    public SourceLocation Location(YamlNode node) => new(File, (int)node.Start.Line, (int)node.Start.Column);

    /// <summary>Parses the text; malformed YAML and duplicate keys become errors at their marks.</summary>
    public YamlNode? ParseRoot(string text)
    {
        var parser = new TrackingParser(new Parser(new StringReader(text)));
        try
        {
            var stream = new YamlStream();
            stream.Load(parser);
            if (stream.Documents.Count == 0)
            {
                Errors.Add(new ChecklistError(File, 1, 1, "the file is empty"));
                return null;
            }

            return stream.Documents[0].RootNode;
        }
        catch (YamlException ex)
        {
            Errors.Add(new ChecklistError(File, (int)ex.Start.Line, (int)ex.Start.Column, "malformed YAML: " + StripMarks(ex.Message)));
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner throws this, without a mark, on some unterminated flow collections.
            var at = parser.LastGood;
            Errors.Add(new ChecklistError(File, (int)at.Line, (int)at.Column, "malformed YAML: unterminated flow collection or scalar after this point"));
            return null;
        }
    }

    /// <summary>Remembers where the last well-formed event ended, for errors that carry no mark.</summary>
    private sealed class TrackingParser(IParser inner) : IParser
    {
        public Mark LastGood { get; private set; } = Mark.Empty;

        public YamlDotNet.Core.Events.ParsingEvent? Current => inner.Current;

        public bool MoveNext()
        {
            var moved = inner.MoveNext();
            if (inner.Current is { } current)
            {
                LastGood = current.Start;
            }

            return moved;
        }
    }

    private static string StripMarks(string message)
    {
        // YamlDotNet prefixes "(Line: 3, Col: 5, Idx: 20) - (Line: …): "; we print our own file:line:col.
        var i = message.IndexOf("): ", StringComparison.Ordinal);
        return message.StartsWith("(Line:", StringComparison.Ordinal) && i > 0 ? message[(i + 3)..] : message;
    }

    /// <summary>The mapping's entries by key; unknown keys are errors.</summary>
    public Dictionary<string, YamlNode>? Mapping(YamlNode? node, string what, IReadOnlyCollection<string> allowedKeys)
    {
        if (node is not YamlMappingNode mapping)
        {
            Error(node, $"{what} must be a mapping");
            return null;
        }

        var entries = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        foreach (var (keyNode, value) in mapping.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? "";
            if (!allowedKeys.Contains(key))
            {
                Error(keyNode, $"unknown key '{key}' in {what}; allowed: {string.Join(", ", allowedKeys)}");
                continue;
            }

            if (!entries.TryAdd(key, value))
            {
                Error(keyNode, $"duplicate key '{key}' in {what}");
            }
        }

        return entries;
    }

    public string? RequiredString(Dictionary<string, YamlNode> map, YamlNode owner, string key, string what)
    {
        if (!map.TryGetValue(key, out var node))
        {
            Error(owner, $"{what} is missing required field '{key}'");
            return null;
        }

        return String(node, $"{what}.{key}");
    }

    public string? OptionalString(Dictionary<string, YamlNode> map, string key, string what) =>
        map.TryGetValue(key, out var node) ? String(node, $"{what}.{key}") : null;

    public string? String(YamlNode node, string what)
    {
        if (node is not YamlScalarNode { Value: { } value } || string.IsNullOrWhiteSpace(value))
        {
            Error(node, $"{what} must be a non-empty string");
            return null;
        }

        return value;
    }

    /// <summary>A scalar as text (strings, numbers and booleans alike), for configuration values.</summary>
    public string? Scalar(YamlNode node, string what)
    {
        if (node is not YamlScalarNode { Value: { } value })
        {
            Error(node, $"{what} must be a scalar value");
            return null;
        }

        return value;
    }

    public bool? OptionalBool(Dictionary<string, YamlNode> map, string key, string what)
    {
        if (!map.TryGetValue(key, out var node))
        {
            return null;
        }

        if (node is YamlScalarNode { Value: { } value } && bool.TryParse(value, out var result))
        {
            return result;
        }

        Error(node, $"{what}.{key} must be true or false");
        return null;
    }

    public decimal? OptionalPositiveNumber(Dictionary<string, YamlNode> map, string key, string what)
    {
        if (!map.TryGetValue(key, out var node))
        {
            return null;
        }

        if (node is YamlScalarNode { Value: { } value }
            && decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var result) && result > 0 && result <= 100)
        {
            return result;
        }

        Error(node, $"{what}.{key} must be a number greater than 0 and at most 100");
        return null;
    }

    /// <summary>A list of non-empty strings (a single string is accepted as a list of one).</summary>
    public List<string>? StringList(YamlNode node, string what, bool allowEmpty = false)
    {
        if (node is YamlScalarNode)
        {
            return String(node, what) is { } single ? [single] : null;
        }

        if (node is not YamlSequenceNode sequence)
        {
            Error(node, $"{what} must be a list of strings");
            return null;
        }

        var list = new List<string>();
        foreach (var item in sequence.Children)
        {
            if (item is YamlScalarNode { Value: { } value } && !string.IsNullOrWhiteSpace(value))
            {
                list.Add(value);
            }
            else
            {
                Error(item, $"every item of {what} must be a non-empty string");
            }
        }

        if (list.Count == 0 && !allowEmpty && sequence.Children.Count == 0)
        {
            Error(node, $"{what} must not be empty");
        }

        return list;
    }
}
