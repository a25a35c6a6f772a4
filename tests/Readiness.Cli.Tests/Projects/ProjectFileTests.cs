using Readiness.Cli.Projects;

namespace Readiness.Cli.Tests.Projects;

public sealed class ProjectFileTests
{
    [Fact]
    public void PropertiesItemsAndTheSdkAreReadAndDirectoryBuildPropsGivesDefaults()
    {
        var props = """
            <Project>
              <PropertyGroup>
                <Nullable>enable</Nullable>
                <LangVersion>12</LangVersion>
              </PropertyGroup>
              <ItemGroup><Using Include="Shared.Kernel" /></ItemGroup>
            </Project>
            """;
        var project = """
            <Project Sdk="Microsoft.NET.Sdk.Web">
              <PropertyGroup>
                <TargetFrameworks>net10.0;net9.0</TargetFrameworks>
                <LangVersion>preview</LangVersion>
                <AssemblyName>Orders.Api</AssemblyName>
                <RootNamespace>$(AssemblyName).Web</RootNamespace>
              </PropertyGroup>
              <PropertyGroup Condition="'$(Configuration)' == 'Debug'">
                <DefineConstants>DEV</DefineConstants>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Serilog" Version="4.0.0" />
                <FrameworkReference Include="Microsoft.AspNetCore.App" />
                <ProjectReference Include="..\Domain\Domain.csproj" />
                <Using Include="Orders.Api.Time" Alias="Clock" />
                <Using Remove="System.Linq" />
              </ItemGroup>
            </Project>
            """;

        var file = ProjectFile.Load("/repo/src/Api/Api.csproj", project, "/repo/Directory.Build.props", props);

        Assert.True(file.IsWebSdk);
        Assert.Equal("net10.0", file.TargetFramework);
        Assert.Equal("preview", file["LangVersion"]);
        Assert.Equal("enable", file["Nullable"]);
        Assert.Equal("Orders.Api.Web", file["RootNamespace"]);
        Assert.Null(file["DefineConstants"]);
        Assert.Equal("Orders.Api", file.AssemblyName);
        Assert.Equal([("Serilog", "4.0.0")], file.PackageReferences);
        Assert.Equal([Path.GetFullPath("/repo/src/Domain/Domain.csproj")], file.ProjectReferences);
        Assert.Contains(new GlobalUsing("Shared.Kernel", null, false), file.Usings);
        Assert.Contains(new GlobalUsing("Orders.Api.Time", "Clock", false), file.Usings);
        Assert.Equal(["System.Linq"], file.UsingRemoves);
    }

    [Fact]
    public void SimpleConditionsAreEvaluatedAsAReleaseBuildInMsBuildOrder()
    {
        var props = """
            <Project>
              <PropertyGroup Condition="'$(TargetFramework)' != 'netstandard2.0'">
                <ImplicitUsings>enable</ImplicitUsings>
              </PropertyGroup>
              <ItemGroup Condition="'$(IsTestProject)' == 'true' and '$(Configuration)' == 'Release'">
                <Using Include="Xunit" />
              </ItemGroup>
              <PropertyGroup Condition="Exists('local.props')"><Nullable>enable</Nullable></PropertyGroup>
            </Project>
            """;
        var project = """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <IsTestProject>true</IsTestProject>
              </PropertyGroup>
              <PropertyGroup Condition="'$(Configuration)|$(Platform)' == 'Debug|AnyCPU'"><Optimize>false</Optimize></PropertyGroup>
            </Project>
            """;

        var file = ProjectFile.Load("/repo/t/T.csproj", project, "/repo/Directory.Build.props", props);

        Assert.Equal("enable", file["ImplicitUsings"]);
        Assert.Contains(new GlobalUsing("Xunit", null, false), file.Usings);
        Assert.Null(file["Nullable"]);
        Assert.Null(file["Optimize"]);
    }

    [Fact]
    public void MalformedXmlSaysFileLineAndColumn()
    {
        var error = Assert.Throws<InvalidDataException>(() => ProjectFile.Load("/repo/Api.csproj", "<Project>\n<PropertyGroup>\n", null, null));
        Assert.Matches(@"^Api\.csproj:3:1: malformed XML", error.Message);
    }

    [Fact]
    public void ARootOtherThanProjectIsNotAProject()
    {
        var error = Assert.Throws<InvalidDataException>(() => ProjectFile.Load("/repo/Api.csproj", "<Solution />", null, null));
        Assert.Contains("not an MSBuild project", error.Message);
    }

    [Fact]
    public void ATestSdkReferenceMakesATestProject()
    {
        var file = ProjectFile.Load(
            "/repo/Tests.csproj",
            """<Project Sdk="Microsoft.NET.Sdk"><ItemGroup><PackageReference Include="Microsoft.NET.Test.Sdk" /></ItemGroup></Project>""",
            null,
            null);

        Assert.True(file.IsTestProject);
        Assert.False(file.ReferencesAspNetCore);
    }
}
