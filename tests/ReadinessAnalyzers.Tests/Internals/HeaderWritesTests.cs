using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ReadinessAnalyzers.Internals;
using ReadinessAnalyzers.Internals.Http;
using ReadinessAnalyzers.Tests.Verification;

namespace ReadinessAnalyzers.Tests.Internals;

public class HeaderWritesTests
{
    private const string Code = """
        using Microsoft.AspNetCore.Http;
        using Microsoft.Net.Http.Headers;
        using Microsoft.Extensions.Primitives;
        using System.Collections.Generic;

        public static class Probe
        {
            private const string Frame = "X-Frame-Options";

            public static void Run(HttpResponse response, Dictionary<string, string> other, string nonce, string name)
            {
                response.Headers.Append("X-Frame-Options", "DENY");
                response.Headers.Add(Frame, "DENY");
                response.Headers.TryAdd(HeaderNames.XFrameOptions, new StringValues("DENY"));
                response.Headers["x-frame-options"] = "DENY";
                response.Headers.XFrameOptions = "DENY";
                response.Headers.AppendCommaSeparatedValues("Vary", "Origin", "Accept");
                response.Headers.ContentSecurityPolicy = $"script-src 'nonce-{nonce}'";
                response.Headers.ContentSecurityPolicy = "script-src " + nonce + " 'self'";
                other["X-Frame-Options"] = "DENY";
                other.Add("X-Frame-Options", "DENY");
                response.Headers[name] = "DENY";
            }
        }
        """;

    private static List<(bool Read, HeaderWrite Write, string? Text)> Read()
    {
        var tree = CSharpSyntaxTree.ParseText(Code);
        var compilation = CSharpCompilation.Create("HeaderProbe", [tree], TestReferences.Default, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var model = compilation.GetSemanticModel(tree);
        var headers = HeaderWrites.Create(WellKnownTypes.GetOrCreate(compilation))!;
        var result = new List<(bool, HeaderWrite, string?)>();
        foreach (var statement in tree.GetRoot().DescendantNodes().OfType<ExpressionStatementSyntax>())
        {
            var operation = model.GetOperation(statement.Expression)!;
            var read = headers.TryRead(operation, out var write);
            result.Add((read, write, read ? headers.Text(write.Value) : null));
        }

        return result;
    }

    [Fact]
    public void EveryWriteFormNamesTheHeaderAndItsValue()
    {
        var writes = Read();
        for (var i = 0; i < 5; i++)
        {
            Assert.True(writes[i].Read, "statement " + i);
            Assert.True(writes[i].Write.Is("X-Frame-Options", "XFrameOptions"), "statement " + i);
            Assert.Equal("DENY", writes[i].Text);
        }

        Assert.Equal(HeaderWriteKind.Call, writes[0].Write.Kind);
        Assert.Equal("Append", writes[0].Write.MethodName);
        Assert.Equal(HeaderWriteKind.Indexer, writes[3].Write.Kind);
        Assert.Equal(HeaderWriteKind.Property, writes[4].Write.Kind);
        Assert.True(writes[5].Read && writes[5].Write.Is("vary", "Vary"));
    }

    [Fact]
    public void ComputedPartsBecomeHoles()
    {
        var writes = Read();
        Assert.Equal("script-src 'nonce-" + HeaderWrites.Hole + "'", writes[6].Text);
        Assert.Equal("script-src " + HeaderWrites.Hole + " 'self'", writes[7].Text);
    }

    [Fact]
    public void OtherDictionariesAndComputedNamesAreNotHeaderWrites()
    {
        var writes = Read();
        Assert.False(writes[8].Read);
        Assert.False(writes[9].Read);
        Assert.False(writes[10].Read);
    }
}
