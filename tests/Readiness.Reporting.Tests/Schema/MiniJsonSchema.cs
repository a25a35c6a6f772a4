using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Readiness.Tests.Schema;

/// <summary>
/// A small JSON Schema validator for the keywords the SARIF 2.1.0 schema and rules/checklist.schema.json use:
/// type, properties, required, additionalProperties, items, $ref (#/definitions/…), enum, const, minimum, maximum,
/// exclusiveMinimum (draft-07 number), minItems, uniqueItems, minLength, minProperties, pattern,
/// format (uri, uri-reference, date-time), anyOf, oneOf. Unknown keywords are an error, so the validator
/// cannot silently skip what a schema asks. Annotation keywords (description, default, title …) are ignored.
/// </summary>
public sealed class MiniJsonSchema
{
    private static readonly HashSet<string> Annotations = ["$schema", "$id", "id", "title", "description", "default", "definitions", "examples"];

    private readonly JsonObject _root;

    public MiniJsonSchema(string schemaJson)
    {
        _root = JsonNode.Parse(schemaJson)!.AsObject();
    }

    /// <summary>Every violation as "path: problem"; empty when the instance is valid.</summary>
    public IReadOnlyList<string> Validate(JsonNode? instance)
    {
        var errors = new List<string>();
        Validate(_root, instance, "$", errors);
        return errors;
    }

    private void Validate(JsonNode? schemaNode, JsonNode? instance, string path, List<string> errors)
    {
        if (schemaNode is JsonValue boolSchema && boolSchema.TryGetValue<bool>(out var allowed))
        {
            if (!allowed)
            {
                errors.Add($"{path}: not allowed");
            }

            return;
        }

        var schema = schemaNode!.AsObject();
        foreach (var (keyword, value) in schema)
        {
            switch (keyword)
            {
                case "$ref":
                    Validate(Resolve(value!.GetValue<string>()), instance, path, errors);
                    break;
                case "type":
                    var types = value is JsonArray array ? array.Select(t => t!.GetValue<string>()).ToList() : [value!.GetValue<string>()];
                    if (!types.Any(t => IsType(instance, t)))
                    {
                        errors.Add($"{path}: expected {string.Join(" or ", types)}, found {Kind(instance)}");
                    }

                    break;
                case "properties":
                    if (instance is JsonObject obj)
                    {
                        foreach (var (name, sub) in value!.AsObject())
                        {
                            if (obj.TryGetPropertyValue(name, out var child))
                            {
                                Validate(sub, child, $"{path}.{name}", errors);
                            }
                        }
                    }

                    break;
                case "additionalProperties":
                    if (instance is JsonObject o)
                    {
                        var known = schema["properties"]?.AsObject().Select(p => p.Key).ToHashSet() ?? [];
                        foreach (var (name, child) in o.Where(p => !known.Contains(p.Key)))
                        {
                            Validate(value, child, $"{path}.{name}", errors);
                        }
                    }

                    break;
                case "required":
                    if (instance is JsonObject r)
                    {
                        foreach (var name in value!.AsArray().Select(n => n!.GetValue<string>()).Where(n => !r.ContainsKey(n)))
                        {
                            errors.Add($"{path}: missing required property '{name}'");
                        }
                    }

                    break;
                case "items":
                    if (instance is JsonArray items)
                    {
                        for (var i = 0; i < items.Count; i++)
                        {
                            Validate(value, items[i], $"{path}[{i}]", errors);
                        }
                    }

                    break;
                case "minItems":
                    if (instance is JsonArray a1 && a1.Count < value!.GetValue<int>())
                    {
                        errors.Add($"{path}: fewer than {value} items");
                    }

                    break;
                case "uniqueItems":
                    if (instance is JsonArray a2 && value!.GetValue<bool>() && a2.Select(n => n?.ToJsonString()).Distinct().Count() != a2.Count)
                    {
                        errors.Add($"{path}: items are not unique");
                    }

                    break;
                case "minProperties":
                    if (instance is JsonObject o2 && o2.Count < value!.GetValue<int>())
                    {
                        errors.Add($"{path}: fewer than {value} properties");
                    }

                    break;
                case "minLength":
                    if (instance is JsonValue s1 && s1.TryGetValue<string>(out var str1) && str1.Length < value!.GetValue<int>())
                    {
                        errors.Add($"{path}: shorter than {value}");
                    }

                    break;
                case "enum":
                    if (!value!.AsArray().Any(e => JsonNode.DeepEquals(e, instance)))
                    {
                        errors.Add($"{path}: {instance?.ToJsonString()} is not one of {value.ToJsonString()}");
                    }

                    break;
                case "const":
                    if (!JsonNode.DeepEquals(value, instance))
                    {
                        errors.Add($"{path}: expected {value?.ToJsonString()}");
                    }

                    break;
                case "minimum" or "maximum" or "exclusiveMinimum":
                    if (instance is JsonValue n && n.GetValueKind() == JsonValueKind.Number)
                    {
                        var number = Number(n);
                        var limit = Number(value!.AsValue());
                        var ok = keyword switch { "minimum" => number >= limit, "maximum" => number <= limit, _ => number > limit };
                        if (!ok)
                        {
                            errors.Add($"{path}: {number} violates {keyword} {limit}");
                        }
                    }

                    break;
                case "pattern":
                    if (instance is JsonValue s2 && s2.TryGetValue<string>(out var str2) && !Regex.IsMatch(str2, value!.GetValue<string>()))
                    {
                        errors.Add($"{path}: '{str2}' does not match {value}");
                    }

                    break;
                case "format":
                    if (instance is JsonValue s3 && s3.TryGetValue<string>(out var str3) && !FormatHolds(value!.GetValue<string>(), str3))
                    {
                        errors.Add($"{path}: '{str3}' is not a valid {value}");
                    }

                    break;
                case "anyOf":
                    if (!value!.AsArray().Any(option => Passes(option, instance, path)))
                    {
                        errors.Add($"{path}: matches none of anyOf");
                    }

                    break;
                case "oneOf":
                    var matching = value!.AsArray().Count(option => Passes(option, instance, path));
                    if (matching != 1)
                    {
                        errors.Add($"{path}: matches {matching} of oneOf, expected exactly 1");
                    }

                    break;
                default:
                    if (!Annotations.Contains(keyword))
                    {
                        throw new NotSupportedException($"schema keyword '{keyword}' at {path} is not supported by MiniJsonSchema");
                    }

                    break;
            }
        }
    }

    private bool Passes(JsonNode? schema, JsonNode? instance, string path)
    {
        var errors = new List<string>();
        Validate(schema, instance, path, errors);
        return errors.Count == 0;
    }

    private JsonNode Resolve(string reference)
    {
        if (!reference.StartsWith("#/", StringComparison.Ordinal))
        {
            throw new NotSupportedException($"only local $ref is supported: {reference}");
        }

        JsonNode node = _root;
        foreach (var part in reference[2..].Split('/'))
        {
            node = node[part] ?? throw new InvalidOperationException($"unresolved $ref {reference}");
        }

        return node;
    }

    private static bool IsType(JsonNode? instance, string type) => type switch
    {
        "object" => instance is JsonObject,
        "array" => instance is JsonArray,
        "string" => instance is JsonValue v && v.GetValueKind() == JsonValueKind.String,
        "boolean" => instance is JsonValue v && v.GetValueKind() is JsonValueKind.True or JsonValueKind.False,
        "number" => instance is JsonValue v && v.GetValueKind() == JsonValueKind.Number,
        "integer" => instance is JsonValue v && v.GetValueKind() == JsonValueKind.Number && decimal.Truncate(Number(v)) == Number(v),
        "null" => instance is null,
        _ => throw new NotSupportedException($"type '{type}'"),
    };

    private static decimal Number(JsonValue value) =>
        decimal.Parse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);

    private static string Kind(JsonNode? instance) => instance switch
    {
        null => "null",
        JsonObject => "object",
        JsonArray => "array",
        JsonValue v => v.GetValueKind().ToString().ToLowerInvariant(),
        _ => "unknown",
    };

    private static bool FormatHolds(string format, string value) => format switch
    {
        "uri" => Uri.TryCreate(value, UriKind.Absolute, out _),
        "uri-reference" => Uri.TryCreate(value, UriKind.RelativeOrAbsolute, out _) && !value.Contains(' ') && !value.Contains('\\'),
        "date-time" => DateTimeOffset.TryParseExact(value, ["yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", "yyyy-MM-dd'T'HH:mm:ssK"], CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
        _ => true,
    };
}
