using System.Text.Json;
using Readiness.Checklist.Configuration;

namespace Readiness.Checklist.Tests.Configuration;

public class EffectiveConfigurationTests
{
    [Fact]
    public void NestedObjectsAndArraysFlattenToColonKeysWithPositions()
    {
        var values = EffectiveConfiguration.Flatten("a.json", "{\n  \"A\": { \"B\": [ { \"C\": 1 }, \"x\" ] },\n  \"D\": null\n}");

        Assert.Equal(
            [("A:B:0:C", "1", 2, 24), ("A:B:1", "x", 2, 29), ("D", null, 3, 8)],
            values.Select(v => (v.Key, v.Value, v.Line, v.Column)));
    }

    [Fact]
    public void BooleansKeepTheProvidersText()
    {
        Assert.Equal("True", EffectiveConfiguration.Flatten("a.json", "{ \"X\": true }")[0].Value);
    }

    [Fact]
    public void TheEnvironmentFileOverridesKeysCaseInsensitivelyAndArraysByIndex()
    {
        var configuration = new EffectiveConfiguration("", ["appsettings.json", "appsettings.Production.json"]);
        configuration.Overlay("appsettings.json", "{ \"Hosts\": [\"a\", \"b\"], \"Level\": \"Debug\" }");
        configuration.Overlay("appsettings.Production.json", "{ \"hosts\": [\"z\"], \"LEVEL\": \"Warning\" }");

        Assert.Equal("z", configuration["Hosts:0"]!.Value);
        Assert.Equal("b", configuration["hosts:1"]!.Value);
        Assert.Equal(("Warning", "appsettings.Production.json"), (configuration["level"]!.Value, configuration["level"]!.File));
    }

    [Fact]
    public void AWildcardSegmentMatchesAnyOneKey()
    {
        var configuration = new EffectiveConfiguration("", ["a.json"]);
        configuration.Overlay("a.json", "{ \"Logging\": { \"LogLevel\": { \"Default\": \"Information\", \"Microsoft\": \"Warning\" }, \"Console\": { \"LogLevel\": { \"Default\": \"Trace\" } } } }");

        Assert.Equal(["Logging:LogLevel:Default", "Logging:LogLevel:Microsoft"], configuration.Match("Logging:LogLevel:*").Select(v => v.Key).Order());
        Assert.Equal("Logging:Console:LogLevel:Default", Assert.Single(configuration.Match("Logging:*:LogLevel:Default")).Key);
    }

    [Fact]
    public void ATopLevelArrayIsNotAConfigurationFile()
    {
        Assert.ThrowsAny<JsonException>(() => EffectiveConfiguration.Flatten("a.json", "[1]"));
    }
}
