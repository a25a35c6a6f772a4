using System.Text.RegularExpressions;
using Readiness.Checklist.Findings;
using Readiness.Checklist.Model;

namespace Readiness.Checklist.Evaluators;

/// <summary>
/// Dockerfile assertions. What runs is the final stage, so the user, the environment and the base image are
/// judged there (a base image named by an earlier stage's alias is followed to that stage's image). Secrets in
/// ENV/ARG and remote ADD are judged in every stage: they sit in the repository and in build layers either way.
/// Not applicable when the repository has no Dockerfile.
/// </summary>
internal static partial class DockerfileEvaluator
{
    [GeneratedRegex("(?i)(password|passwd|pwd|secret|token|api_?key|access_?key|private_?key|connection_?string|credential|client_?secret|signing_?key)", RegexOptions.None, 1000)]
    private static partial Regex CredentialKey();

    [GeneratedRegex("(?i)(password|pwd)\\s*=\\s*[^;\\s$]", RegexOptions.None, 1000)]
    private static partial Regex PasswordInValue();

    public static Outcome Evaluate(CheckDefinition check, DockerfileCheckSpec spec, EvaluationContext context)
    {
        var files = context.Files.Match(spec.Files);
        if (files.Count == 0)
        {
            return Outcome.NotApplicable("no Dockerfile in the repository");
        }

        var findings = new List<Finding>();
        var read = 0;
        foreach (var file in files)
        {
            if (context.Files.ReadText(file) is not { } text)
            {
                continue;
            }

            read++;
            var stages = Dockerfile.Parse(text);
            if (stages.Count == 0)
            {
                continue;
            }

            findings.AddRange(Assert(check, spec.Assertion, file, stages).Select(f => f with { Category = check.Category }));
        }

        if (read == 0)
        {
            return Outcome.NotApplicable("no readable Dockerfile in the repository");
        }

        return findings.Count == 0 ? Outcome.Pass() : Outcome.Fail(findings);
    }

    private static IEnumerable<Finding> Assert(CheckDefinition check, DockerfileAssertion assertion, string file, IReadOnlyList<DockerStage> stages)
    {
        var final = stages[^1];
        Finding At(DockerInstruction instruction, string message, string? snippet = null) =>
            new(check.Id, file, instruction.Line, instruction.Column, instruction.Line, instruction.Column + instruction.Keyword.Length, message)
            {
                Snippet = snippet ?? $"{instruction.Keyword} {instruction.Arguments}",
            };

        switch (assertion)
        {
            case DockerfileAssertion.NonRootUser:
                var user = final.Instructions.LastOrDefault(i => i.Keyword == "USER");
                if (user is null)
                {
                    yield return At(final.From, "the final stage has no USER instruction, so the app runs as root; add USER $APP_UID (or another non-root user)");
                }
                else if (IsRoot(user.Arguments))
                {
                    yield return At(user, $"the final stage runs as '{user.Arguments}'; switch to a non-root user (USER $APP_UID)");
                }

                break;

            case DockerfileAssertion.NoSecretsInEnv:
                foreach (var instruction in stages.SelectMany(s => s.Instructions).Where(i => i.Keyword is "ENV" or "ARG"))
                {
                    foreach (var (key, value) in Dockerfile.Variables(instruction))
                    {
                        if (string.IsNullOrEmpty(value) || value.StartsWith('$'))
                        {
                            continue;
                        }

                        if (CredentialKey().IsMatch(key) || PasswordInValue().IsMatch(value))
                        {
                            yield return At(instruction, $"{instruction.Keyword} {key} holds a literal secret ({SecretText.Mask(value)}); it is baked into the image history. Pass it at run time (secret mount, orchestrator secret, environment).",
                                $"{instruction.Keyword} {key}={SecretText.Mask(value)}");
                        }
                    }
                }

                break;

            case DockerfileAssertion.NoDevelopmentEnvironment:
                foreach (var instruction in final.Instructions.Where(i => i.Keyword == "ENV"))
                {
                    foreach (var (key, value) in Dockerfile.Variables(instruction))
                    {
                        if ((key.Equals("ASPNETCORE_ENVIRONMENT", StringComparison.OrdinalIgnoreCase) || key.Equals("DOTNET_ENVIRONMENT", StringComparison.OrdinalIgnoreCase))
                            && string.Equals(value, "Development", StringComparison.OrdinalIgnoreCase))
                        {
                            yield return At(instruction, $"the final stage sets {key}=Development: the developer exception page, detailed errors and user secrets switch on in the container");
                        }
                    }
                }

                break;

            case DockerfileAssertion.PinnedBaseImage:
                var (image, from) = ResolveBase(final, stages);
                if (image is not null && !IsPinned(image))
                {
                    yield return At(from, $"base image '{image}' is not pinned: name a version tag (mcr.microsoft.com/dotnet/aspnet:10.0) or a digest (@sha256:…), never latest or no tag");
                }

                break;

            case DockerfileAssertion.NoRemoteAdd:
                foreach (var instruction in stages.SelectMany(s => s.Instructions).Where(i => i.Keyword == "ADD"))
                {
                    if (instruction.Arguments.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
                        .Any(w => w.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || w.StartsWith("https://", StringComparison.OrdinalIgnoreCase)))
                    {
                        yield return At(instruction, "ADD downloads a remote URL without verifying it; download with a checksum check in RUN (or ADD --checksum=…), or COPY a vendored file");
                    }
                }

                break;
        }
    }

    private static bool IsRoot(string user)
    {
        var name = user.Trim().Split(':')[0];
        return name is "root" or "0";
    }

    /// <summary>The final stage's image, following stage aliases; null when it cannot be judged (ARG-substituted).</summary>
    private static (string? Image, DockerInstruction From) ResolveBase(DockerStage stage, IReadOnlyList<DockerStage> stages)
    {
        var current = stage;
        for (var hops = 0; hops < stages.Count; hops++)
        {
            var alias = stages.FirstOrDefault(s => s != current && s.Name is not null && s.Name.Equals(current.Image, StringComparison.OrdinalIgnoreCase));
            if (alias is null)
            {
                break;
            }

            current = alias;
        }

        return (current.Image.Contains('$') ? null : current.Image, current.From);
    }

    private static bool IsPinned(string image)
    {
        if (image.Equals("scratch", StringComparison.OrdinalIgnoreCase) || image.Contains("@sha256:", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var lastSegment = image[(image.LastIndexOf('/') + 1)..];
        var colon = lastSegment.IndexOf(':');
        return colon >= 0 && !lastSegment[(colon + 1)..].Equals("latest", StringComparison.OrdinalIgnoreCase);
    }
}
