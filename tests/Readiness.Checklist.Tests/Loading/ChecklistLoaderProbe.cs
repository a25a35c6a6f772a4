using Readiness.Checklist.Loading;
using Readiness.Checklist.Model;

namespace Readiness.Checklist.Tests.Loading;

/// <summary>Parses test checks into a checklist.</summary>
public static class ChecklistLoaderProbe
{
    public static ChecklistDocument Parse(params string[] checks) => ChecklistLoader.Parse(Checklists.Wrap(string.Join("\n", checks)), "test.yaml");
}
