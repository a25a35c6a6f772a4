namespace Readiness.Reporting.Tests.Renderers;

public class ReportWriterTests : IDisposable
{
    private readonly string _output = Path.Combine(Path.GetTempPath(), "readiness-report-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public void EveryFileFormatIsWrittenUnderTheOutputFolderAndConsoleFormatsGoToTheWriter()
    {
        var console = new StringWriter();

        var written = ReportWriter.Write(Fixtures.Failing(), ReportFormat.All, _output, console, new ReportOptions { Color = false });

        foreach (var name in new[] { "readiness-report.md", "readiness-report.html", "readiness-report.sarif", "readiness-report.json" })
        {
            Assert.Contains(Path.Combine(_output, name), written);
            Assert.True(new FileInfo(Path.Combine(_output, name)).Length > 100, name);
        }

        Assert.Contains("Readiness audit (Production): NOT READY", console.ToString());
        Assert.Contains("::error file=src/Api/Program.cs", console.ToString());
        Assert.True(File.Exists(Path.Combine(_output, "issues", "open", "P1-critical", "issue-001-no-hardcoded-credentials.md")));
        Assert.Empty(Directory.GetFiles(_output, "*.tmp", SearchOption.AllDirectories));
        Assert.Empty(Directory.GetDirectories(_output, ".issues.*"));
    }

    [Fact]
    public void AnUnknownFormatIsRejectedBeforeAnythingIsWritten()
    {
        var ex = Assert.Throws<ArgumentException>(() => ReportWriter.Write(Fixtures.Failing(), ["md", "pdf"], _output, new StringWriter()));

        Assert.Contains("unknown report format pdf", ex.Message);
        Assert.False(Directory.Exists(_output));
    }

    [Fact]
    public void AnExistingReportIsReplacedWhole()
    {
        Directory.CreateDirectory(_output);
        var path = Path.Combine(_output, "readiness-report.json");
        File.WriteAllText(path, new string('x', 100_000));

        ReportWriter.Write(Fixtures.Passing(), ["json"], _output, new StringWriter());

        Assert.StartsWith("{", File.ReadAllText(path));
        Assert.DoesNotContain("xxxx", File.ReadAllText(path));
    }

    [Fact]
    public void AnIssuesRunReplacesTheIssuesOfThePreviousRun()
    {
        ReportWriter.Write(Fixtures.Failing(), ["issues"], _output, new StringWriter());
        Assert.Equal(3, Directory.GetFiles(Path.Combine(_output, "issues"), "*.md", SearchOption.AllDirectories).Length);

        ReportWriter.Write(Fixtures.Passing(), ["issues"], _output, new StringWriter());

        Assert.Empty(Directory.GetFiles(Path.Combine(_output, "issues"), "*.md", SearchOption.AllDirectories));
        Assert.Single(Directory.GetDirectories(_output));
    }

    [Fact]
    public void DumpsEveryFormatWhenAskedForManualInspection()
    {
        // Set READINESS_REPORT_DUMP=<folder> to look at real output (and validate it with other tools).
        var dump = Environment.GetEnvironmentVariable("READINESS_REPORT_DUMP");
        var target = dump ?? _output;

        var written = ReportWriter.Write(Fixtures.Failing(), ["md", "html", "sarif", "json", "issues"], target, new StringWriter());

        Assert.Equal(7, written.Count);
    }

    public void Dispose()
    {
        if (Directory.Exists(_output))
        {
            Directory.Delete(_output, recursive: true);
        }
    }
}
