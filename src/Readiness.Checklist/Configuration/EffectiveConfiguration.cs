using System.Text;
using System.Text.Json;

namespace Readiness.Checklist.Configuration;

/// <summary>One configuration value and the file position it came from (1-based).</summary>
public sealed record ConfigurationValue(string Key, string? Value, string File, int Line, int Column);

/// <summary>
/// The configuration of one folder as ASP.NET Core's JSON provider builds it: appsettings.json overlaid by
/// appsettings.{Environment}.json; keys are case-insensitive and flattened with ':' (arrays by index,
/// <c>Section:0:Key</c>); comments and trailing commas are allowed. Values keep the provider's text
/// (<c>true</c> becomes <c>True</c>, numbers their literal text, null an absent value).
/// </summary>
public sealed class EffectiveConfiguration
{
    private readonly Dictionary<string, ConfigurationValue> _values = new(StringComparer.OrdinalIgnoreCase);

    public EffectiveConfiguration(string folder, IReadOnlyList<string> files)
    {
        Folder = folder;
        Files = files;
    }

    /// <summary>Repository-relative folder ("" for the root).</summary>
    public string Folder { get; }

    /// <summary>The files merged, base first.</summary>
    public IReadOnlyList<string> Files { get; }

    public IReadOnlyCollection<ConfigurationValue> Values => _values.Values;

    public ConfigurationValue? this[string key] => _values.GetValueOrDefault(key);

    /// <summary>Overlays one JSON file (later files win per key). Throws <see cref="JsonException"/> on malformed JSON.</summary>
    public void Overlay(string relativePath, string json)
    {
        foreach (var value in Flatten(relativePath, json))
        {
            _values[value.Key] = value;
        }
    }

    /// <summary>Values whose key matches the ':'-separated pattern, where a '*' segment matches any one key.</summary>
    public IEnumerable<ConfigurationValue> Match(string pattern, bool includeChildren = false)
    {
        var wanted = pattern.Split(':');
        foreach (var value in _values.Values)
        {
            var segments = value.Key.Split(':');
            if (segments.Length < wanted.Length || (!includeChildren && segments.Length != wanted.Length))
            {
                continue;
            }

            var matches = true;
            for (var i = 0; i < wanted.Length && matches; i++)
            {
                matches = wanted[i] == "*" || string.Equals(wanted[i], segments[i], StringComparison.OrdinalIgnoreCase);
            }

            if (matches)
            {
                yield return value;
            }
        }
    }

    public static readonly JsonReaderOptions ReaderOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>Flattens a JSON document into configuration keys with their positions.</summary>
    public static IReadOnlyList<ConfigurationValue> Flatten(string relativePath, string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        var lineStarts = new List<int> { 0 };
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                lineStarts.Add(i + 1);
            }
        }

        var result = new List<ConfigurationValue>();
        var reader = new Utf8JsonReader(bytes, ReaderOptions);
        var path = new List<string>();
        var arrayIndex = new Stack<int>(); // -1 for an object level, else the next index of the array
        string? pendingName = null;

        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    pendingName = reader.GetString();
                    break;
                case JsonTokenType.StartObject:
                case JsonTokenType.StartArray:
                    if (arrayIndex.Count > 0)
                    {
                        path.Add(NextSegment(arrayIndex, ref pendingName));
                    }
                    else if (reader.TokenType == JsonTokenType.StartArray)
                    {
                        throw new JsonException("the top level of a configuration file must be an object");
                    }

                    arrayIndex.Push(reader.TokenType == JsonTokenType.StartArray ? 0 : -1);
                    break;
                case JsonTokenType.EndObject:
                case JsonTokenType.EndArray:
                    arrayIndex.Pop();
                    if (path.Count > 0 && arrayIndex.Count > 0)
                    {
                        path.RemoveAt(path.Count - 1);
                    }

                    break;
                default:
                    if (arrayIndex.Count == 0)
                    {
                        throw new JsonException("the top level of a configuration file must be an object");
                    }

                    var segment = NextSegment(arrayIndex, ref pendingName);
                    var key = string.Join(':', path.Append(segment));
                    var offset = (int)reader.TokenStartIndex;
                    var line = lineStarts.BinarySearch(offset);
                    line = line >= 0 ? line : ~line - 1;
                    var column = Encoding.UTF8.GetCharCount(bytes, lineStarts[line], offset - lineStarts[line]) + 1;
                    result.Add(new ConfigurationValue(key, Text(ref reader), relativePath, line + 1, column));
                    break;
            }
        }

        return result;
    }

    private static string NextSegment(Stack<int> arrayIndex, ref string? pendingName)
    {
        var index = arrayIndex.Peek();
        if (index < 0)
        {
            var name = pendingName ?? "";
            pendingName = null;
            return name;
        }

        arrayIndex.Pop();
        arrayIndex.Push(index + 1);
        return index.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string? Text(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.True => bool.TrueString,
        JsonTokenType.False => bool.FalseString,
        JsonTokenType.Null => null,
        _ => Encoding.UTF8.GetString(reader.ValueSpan),
    };
}
