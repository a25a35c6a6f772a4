using System.Globalization;
using System.Text.Json.Nodes;
using Readiness.Checklist.Loading;
using Readiness.Tests.Schema;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Readiness.Checklist.Tests.Schema;

/// <summary>rules/checklist.schema.json and the loader must agree: what one accepts, the other accepts.</summary>
public class ChecklistSchemaTests
{
    private static readonly MiniJsonSchema Schema = new(File.ReadAllText(RepositoryPaths.Combine("rules", "checklist.schema.json")));

    /// <summary>YAML to JSON with YAML 1.2 core-schema typing of plain scalars (quoted scalars stay strings).</summary>
    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(e => KeyValuePair.Create(((YamlScalarNode)e.Key).Value!, ToJson(e.Value)))),
        YamlSequenceNode seq => new JsonArray(seq.Children.Select(ToJson).ToArray()),
        YamlScalarNode { Style: ScalarStyle.Plain, Value: "true" or "false" } s => JsonValue.Create(s.Value == "true"),
        YamlScalarNode { Style: ScalarStyle.Plain } s when decimal.TryParse(s.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) => JsonValue.Create(n),
        YamlScalarNode s => JsonValue.Create(s.Value),
        _ => null,
    };

    private static JsonNode? Parse(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return ToJson(stream.Documents[0].RootNode);
    }

    [Fact]
    public void TheDefaultChecklistValidatesAgainstTheSchema()
    {
        var errors = Schema.Validate(Parse(File.ReadAllText(RepositoryPaths.Combine("rules", "aspnetcore-production.yaml"))));

        Assert.Empty(errors);
    }

    [Theory]
    [InlineData("kind: shell\ncommand: x")]
    [InlineData("kind: fileExists")]
    [InlineData("kind: jsonPath\npath: A\nequals: x\nnotEquals: y")]
    [InlineData("kind: regex\nfiles: ['*.cs']\nmustMatch: a\nmustNotMatch: b")]
    [InlineData("kind: dockerfile\nassert: beSecure")]
    [InlineData("kind: fileAbsent\npaths: [x]\ntypo: 1")]
    public void ACheckBlockTheLoaderRejectsTheSchemaRejectsToo(string block)
    {
        var yaml = Checklists.Wrap(Checklists.Check("a", block));

        Assert.Throws<ChecklistException>(() => ChecklistLoader.Parse(yaml, "t.yaml"));
        Assert.NotEmpty(Schema.Validate(Parse(yaml)));
    }

    [Theory]
    [InlineData("severity: P1-critical", "severity: critical")]
    [InlineData("category: Hardening", "category: Misc")]
    [InlineData("id: a", "id: Not_A_Slug")]
    [InlineData("    references: [https://example.org/a]\n", "")]
    public void ABadFieldTheLoaderRejectsTheSchemaRejectsToo(string good, string bad)
    {
        var yaml = Checklists.Wrap(Checklists.Check("a", "kind: fileExists\npaths: [x]", severity: "P1-critical")).Replace(good, bad);

        Assert.Throws<ChecklistException>(() => ChecklistLoader.Parse(yaml, "t.yaml"));
        Assert.NotEmpty(Schema.Validate(Parse(yaml)));
    }

    [Fact]
    public void TheSchemaIsEmbeddedBesideTheDefaultChecklist()
    {
        Assert.Contains("\"title\": \"ReadinessAnalyzers checklist\"", ChecklistLoader.ReadResource("rules/checklist.schema.json"));
    }
}
