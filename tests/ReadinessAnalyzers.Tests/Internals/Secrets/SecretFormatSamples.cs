using System.Text;
using ReadinessAnalyzers.Internals.Secrets;

namespace ReadinessAnalyzers.Tests.Internals.Secrets;

/// <summary>A text holding one generated fake secret of a format, and near misses that must not be reported as that format.</summary>
public sealed record SecretSample(string FormatId, string Text, string Secret, IReadOnlyList<string> Decoys)
{
    public override string ToString() => FormatId;
}

/// <summary>
/// Generators of fake secrets, one per format, built at run time from a seeded Random with the format's charset, length and
/// checksum: no real-looking secret is committed to the repository. A format without a generator fails
/// <see cref="SecretFormatScannerTests.EveryFormatHasAGenerator"/>.
/// </summary>
public static class SecretFormatSamples
{
    public const string Upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    public const string Lower = "abcdefghijklmnopqrstuvwxyz";
    public const string Digits = "0123456789";
    public const string Alnum = Upper + Lower + Digits;
    public const string HexLower = "0123456789abcdef";
    public const string Base64 = Alnum + "+/";
    public const string Base64Url = Alnum + "-_";
    public const string Base32Lower = "abcdefghijklmnopqrstuvwxyz234567";
    public const string Base32Upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    public const string UpperAlnum = Upper + Digits;
    public const string LowerAlnum = Lower + Digits;

    private static readonly Dictionary<string, Func<Random, SecretSample>> Generators = new(StringComparer.Ordinal);

    public static IReadOnlyCollection<string> Ids => Generators.Keys;

    public static SecretSample Create(string id) => Generators[id](new Random(StableSeed(id)));

    public static IEnumerable<object[]> All() => Generators.Keys.OrderBy(k => k, StringComparer.Ordinal).Select(k => new object[] { k });

    private static int StableSeed(string id)
    {
        var hash = 17;
        foreach (var c in id)
        {
            hash = unchecked(hash * 31 + c);
        }

        return hash;
    }

    // ---------------------------------------------------------------- random text

    public static string R(Random random, string alphabet, int length)
    {
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = alphabet[random.Next(alphabet.Length)];
        }

        return new string(chars);
    }

    /// <summary>Random text with at least one upper-case letter, one lower-case letter and one digit (when the alphabet has them).</summary>
    public static string Mixed(Random random, string alphabet, int length)
    {
        while (true)
        {
            var value = R(random, alphabet, length);
            if ((!alphabet.Any(char.IsUpper) || value.Any(char.IsUpper)) && (!alphabet.Any(char.IsLower) || value.Any(char.IsLower))
                && (!alphabet.Any(char.IsDigit) || value.Any(char.IsDigit)))
            {
                return value;
            }
        }
    }

    public static string Uuid(Random random) =>
        $"{R(random, HexLower, 8)}-{R(random, HexLower, 4)}-{R(random, HexLower, 4)}-{R(random, HexLower, 4)}-{R(random, HexLower, 12)}";

    public static string GitHubStyle(Random random, string prefix)
    {
        var body = Mixed(random, Alnum, 30);
        return prefix + body + TokenChecksum.Base62Checksum(body);
    }

    public static string Base64Of(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    public static string Base64UrlOf(string text) => Base64Of(text).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string PemBody(Random random, int lines, string newline = "\n")
    {
        var builder = new StringBuilder();
        for (var i = 0; i < lines; i++)
        {
            builder.Append(Mixed(random, Base64, 64)).Append(newline);
        }

        return builder.ToString();
    }

    // ---------------------------------------------------------------- decoy helpers

    /// <summary>The secret glued to a preceding letter: part of a longer word.</summary>
    public static string Glued(string text, string secret) => text.Replace(secret, "x" + secret, StringComparison.Ordinal);

    public static string Shorter(string text, string secret, int by = 1) => text.Replace(secret, secret[..^by], StringComparison.Ordinal);

    public static string Longer(string text, string secret, char extra) => text.Replace(secret, secret + extra, StringComparison.Ordinal);

    /// <summary>The secret with the character at <paramref name="index"/> replaced.</summary>
    public static string Changed(string text, string secret, int index, char replacement)
    {
        var chars = secret.ToCharArray();
        chars[index] = replacement;
        return text.Replace(secret, new string(chars), StringComparison.Ordinal);
    }

    /// <summary>A prefixed token in a C# assignment, with the standard near misses: glued, one shorter, one longer, a bad character.</summary>
    private static void Token(string id, string prefix, string alphabet, int length, char badChar, Func<Random, string>? body = null, bool fixedLength = true)
    {
        Generators.Add(id, random =>
        {
            var secret = prefix + (body is null ? Mixed(random, alphabet, length) : body(random));
            var text = $"    private const string ApiToken = \"{secret}\";";
            var decoys = new List<string>
            {
                Glued(text, secret),
                Changed(text, secret, prefix.Length + 1, badChar),
                Shorter(text, secret, fixedLength ? 1 : secret.Length - prefix.Length - 5),
            };
            if (fixedLength)
            {
                decoys.Add(Longer(text, secret, alphabet[0]));
            }

            return new SecretSample(id, text, secret, decoys);
        });
    }

    private static void Add(string id, Func<Random, SecretSample> generator) => Generators.Add(id, generator);

    private static SecretSample Sample(string id, string text, string secret, params string[] decoys) => new(id, text, secret, decoys);

    // ---------------------------------------------------------------- the generators

    static SecretFormatSamples()
    {
        // AWS
        Token("aws-access-key-id", "AKIA", Base32Upper, 16, '8');
        Add("aws-secret-access-key", r =>
        {
            var secret = Mixed(r, Base64, 40);
            var text = $"aws_secret_access_key = {secret}\n";
            return Sample("aws-secret-access-key", text, secret,
                $"some_other_value = {secret}\n",
                Shorter(text, secret),
                Longer(text, secret, 'Q'),
                "aws_secret_access_key = " + "wJalrXUtnFEMI/K7MDENG/bPxRfiCY" + "EXAMPLEKEY\n");
        });
        Add("aws-mws-auth-token", r =>
        {
            var secret = "amzn.mws." + Uuid(r);
            var text = $"\"MwsAuthToken\": \"{secret}\"";
            return Sample("aws-mws-auth-token", text, secret, Shorter(text, secret), Changed(text, secret, 12, 'g'));
        });

        // Azure
        Add("azure-storage-account-key", r =>
        {
            var secret = Mixed(r, Base64, 86) + "==";
            var text = $"DefaultEndpointsProtocol=https;AccountName=orders{r.Next(100)};AccountKey={secret};EndpointSuffix=core.windows.net";
            return Sample("azure-storage-account-key", text, secret,
                Shorter(text, secret, 3) + "",
                text.Replace(secret, secret[..^2] + "A=", StringComparison.Ordinal),
                text.Replace("AccountKey=", "MyAccountKey=", StringComparison.Ordinal),
                text.Replace(secret, SecretValues.WellKnownDevelopmentKeys[0], StringComparison.Ordinal));
        });
        Add("azure-cosmos-db-key", r =>
        {
            var secret = Mixed(r, Base64, 86) + "==";
            var text = $"AccountEndpoint=https://orders.documents.azure.com:443/;AccountKey={secret};";
            return Sample("azure-cosmos-db-key", text, secret,
                text.Replace(secret, SecretValues.WellKnownDevelopmentKeys[1], StringComparison.Ordinal),
                Shorter(text, secret, 4));
        });
        AzureKey44("azure-service-bus-key", "Endpoint=sb://orders.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey={0};EntityPath=orders");
        AzureKey44("azure-iot-hub-key", "HostName=plant.azure-devices.net;SharedAccessKeyName=iothubowner;SharedAccessKey={0}");
        AzureKey44("azure-shared-access-key", "Endpoint=https://relay.contoso.net/;SharedAccessKeyName=send;SharedAccessKey={0}");
        AzureKey44("azure-signalr-access-key", "Endpoint=https://chat.service.signalr.net;AccessKey={0};Version=1.0;");
        AzureKey44("azure-web-pubsub-access-key", "Endpoint=https://chat.webpubsub.azure.com;AccessKey={0};Version=1.0;");
        AzureKey44("azure-app-configuration-secret", "Endpoint=https://settings.azconfig.io;Id=Ab1c-l0-s0:Xy9zWq;Secret={0}");
        Add("azure-storage-sas-token", r =>
        {
            var raw = Mixed(r, Base64, 43) + "=";
            var secret = raw.Replace("+", "%2B", StringComparison.Ordinal).Replace("/", "%2F", StringComparison.Ordinal).Replace("=", "%3D", StringComparison.Ordinal);
            var text = $"\"BlobSasUrl\": \"https://orders.blob.core.windows.net/exports?sv=2022-11-02&ss=b&srt=co&sp=rl&se=2030-01-01T00:00:00Z&spr=https&sig={secret}\"";
            return Sample("azure-storage-sas-token", text, secret,
                text.Replace("sv=2022-11-02&", "", StringComparison.Ordinal),
                Shorter(text, secret, 6),
                text.Replace("&sig=", "&xsig=", StringComparison.Ordinal));
        });
        Add("azure-logic-apps-signature", r =>
        {
            var secret = Mixed(r, Base64Url, 43);
            var text = $"https://prod-12.westeurope.logic.azure.com:443/workflows/{R(r, HexLower, 32)}/triggers/manual/paths/invoke?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig={secret}";
            return Sample("azure-logic-apps-signature", text, secret, Shorter(text, secret, 2), text.Replace("&sv=1.0", "", StringComparison.Ordinal));
        });
        Add("azure-entra-client-secret", r =>
        {
            var secret = R(r, Alnum, 3) + R(r, Digits, 1) + "Q~" + Mixed(r, Alnum + "_~.-", 34);
            var text = $"\"ClientSecret\": \"{secret}\",";
            return Sample("azure-entra-client-secret", text, secret,
                Glued(text, secret), Longer(text, secret, 'a'), Changed(text, secret, 3, 'z'), Shorter(text, secret, 5));
        });
        Add("azure-devops-pat", r =>
        {
            string secret;
            do
            {
                secret = R(r, Base32Lower, 52);
            }
            while (!secret.Any(char.IsDigit));
            var text = $"AZURE_DEVOPS_PAT={secret}";
            return Sample("azure-devops-pat", text, secret, $"SOME_VALUE={secret}", Shorter(text, secret), Longer(text, secret, 'a'), Changed(text, secret, 5, '9'));
        });
        Add("azure-devops-pat-v2", r =>
        {
            var secret = Mixed(r, Alnum, 76) + "AZDO" + Mixed(r, Alnum, 4);
            var text = $"$env:AZDO_PAT = '{secret}'";
            return Sample("azure-devops-pat-v2", text, secret, Glued(text, secret), text.Replace(secret, secret[1..], StringComparison.Ordinal), Longer(text, secret, 'b'));
        });
        Add("azure-ai-services-key", r =>
        {
            var secret = Mixed(r, HexLower, 32);
            var text = $"\"Endpoint\": \"https://vision.cognitiveservices.azure.com/\", \"Key\": \"{secret}\"";
            return Sample("azure-ai-services-key", text, secret, $"\"Key\": \"{secret}\"", Shorter(text, secret), Changed(text, secret, 3, 'g'));
        });
        Add("azure-apim-subscription-key", r =>
        {
            var secret = Mixed(r, HexLower, 32);
            var text = $"client.DefaultRequestHeaders.Add(\"Ocp-Apim-Subscription-Key\", \"{secret}\");";
            return Sample("azure-apim-subscription-key", text, secret, $"Add(\"X-Request-Id\", \"{secret}\");", Longer(text, secret, 'a'));
        });

        // Google Cloud
        Token("gcp-api-key", "AIza", Base64Url, 35, '!');
        Add("gcp-service-account-key", r =>
        {
            var secret = "-----BEGIN PRIVATE KEY-----\\n" + PemBody(r, 6, "\\n") + "-----END PRIVATE KEY-----\\n";
            var text = "{\n  \"type\": \"service_account\",\n  \"project_id\": \"orders-prod\",\n  \"private_key_id\": \"" + R(r, HexLower, 40)
                + "\",\n  \"private_key\": \"" + secret + "\",\n  \"client_email\": \"app@orders-prod.iam.gserviceaccount.com\"\n}";
            return Sample("gcp-service-account-key", text, secret,
                text.Replace("service_account", "authorized_user", StringComparison.Ordinal),
                text.Replace(secret, "-----BEGIN PRIVATE KEY-----\\n...\\n-----END PRIVATE KEY-----\\n", StringComparison.Ordinal));
        });
        Token("gcp-oauth-client-secret", "GOCSPX-", Base64Url, 28, '!');

        // GitHub
        foreach (var (id, prefix) in new[]
                 {
                     ("github-pat-classic", "ghp_"), ("github-oauth-token", "gho_"), ("github-user-to-server-token", "ghu_"),
                     ("github-server-to-server-token", "ghs_"), ("github-refresh-token", "ghr_"), ("npm-token", "npm_"),
                 })
        {
            Add(id, r =>
            {
                var secret = GitHubStyle(r, prefix);
                var text = $"GITHUB_TOKEN={secret}";
                var flipped = secret[..10] + (secret[10] == 'a' ? 'b' : 'a') + secret[11..];
                return Sample(id, text, secret, text.Replace(secret, flipped, StringComparison.Ordinal), Glued(text, secret), Shorter(text, secret),
                    Longer(text, secret, 'a'), prefix + Mixed(r, Alnum, 36));
            });
        }

        Token("github-pat-fine-grained", "github_pat_", Alnum, 82, '!', r => Mixed(r, Alnum, 22) + "_" + Mixed(r, Alnum, 59));

        // GitLab
        Token("gitlab-pat", "glpat-", Base64Url, 20, '!');
        Token("gitlab-pipeline-trigger-token", "glptt-", HexLower, 40, 'g');
        Token("gitlab-runner-registration-token", "GR1348941", Base64Url, 20, '!');
        Token("gitlab-runner-token", "glrt-", Base64Url, 20, '!');
        Token("gitlab-deploy-token", "gldt-", Base64Url, 20, '!');
        Token("gitlab-feed-token", "glft-", Base64Url, 20, '!');
        Token("gitlab-oauth-app-secret", "gloas-", Base64Url, 64, '!');

        // Atlassian
        Token("atlassian-api-token", "ATATT3", Base64Url, 186, '!');
        Token("bitbucket-app-password", "ATBB", Alnum, 32, '_');

        // Chat and webhooks
        Token("slack-bot-token", "xoxb-", Alnum, 0, '!', r => $"{R(r, Digits, 11)}-{R(r, Digits, 12)}-{Mixed(r, Alnum, 24)}", fixedLength: false);
        Token("slack-user-token", "xoxp-", Alnum, 0, '!', r => $"{R(r, Digits, 11)}-{R(r, Digits, 12)}-{R(r, Digits, 12)}-{Mixed(r, HexLower, 32)}", fixedLength: false);
        Token("slack-app-token", "xapp-", Alnum, 0, '!', r => $"1-A{R(r, UpperAlnum, 10)}-{R(r, Digits, 13)}-{Mixed(r, HexLower, 64)}", fixedLength: false);
        Token("slack-workspace-token", "xoxr-", Alnum, 0, '!', r => Mixed(r, Alnum, 40), fixedLength: false);
        Add("slack-webhook-url", r =>
        {
            var secret = $"https://hooks.slack.com/services/T{R(r, UpperAlnum, 8)}/B{R(r, UpperAlnum, 10)}/{Mixed(r, Alnum, 24)}";
            var text = $"\"SlackWebhook\": \"{secret}\"";
            return Sample("slack-webhook-url", text, secret, Shorter(text, secret), Longer(text, secret, 'a'),
                text.Replace("services/T", "services/t", StringComparison.Ordinal));
        });
        Add("teams-webhook-url", r =>
        {
            var secret = $"https://contoso.webhook.office.com/webhookb2/{Uuid(r)}@{Uuid(r)}/IncomingWebhook/{Mixed(r, HexLower, 32)}/{Uuid(r)}";
            var text = $"TEAMS_WEBHOOK=\"{secret}\"";
            return Sample("teams-webhook-url", text, secret, text.Replace("/IncomingWebhook/", "/Outgoing/", StringComparison.Ordinal),
                Shorter(text, secret), text.Replace("@", "/", StringComparison.Ordinal));
        });
        Add("discord-webhook-url", r =>
        {
            var secret = $"https://discord.com/api/webhooks/{R(r, Digits, 18)}/{Mixed(r, Base64Url, 68)}";
            var text = $"var hook = \"{secret}\";";
            return Sample("discord-webhook-url", text, secret, text.Replace(secret, secret[..^10], StringComparison.Ordinal),
                text.Replace("/webhooks/", "/webhooks/1234/", StringComparison.Ordinal));
        });
        Add("discord-bot-token", r =>
        {
            var secret = $"M{Mixed(r, Base64Url, 25)}.{Mixed(r, Base64Url, 6)}.{Mixed(r, Base64Url, 38)}";
            var text = $"DISCORD_BOT_TOKEN={secret}";
            return Sample("discord-bot-token", text, secret, $"SOME_TOKEN={secret}", text.Replace(secret, "X" + secret[1..], StringComparison.Ordinal),
                Changed(text, secret, 26, '!'));
        });
        Add("telegram-bot-token", r =>
        {
            var secret = $"{R(r, "123456789", 1)}{R(r, Digits, 9)}:AA{Mixed(r, Base64Url, 33)}";
            var text = $"\"TelegramBotToken\": \"{secret}\"";
            return Sample("telegram-bot-token", text, secret, Shorter(text, secret), Longer(text, secret, 'a'), Glued(text, secret),
                text.Replace(secret, secret[6..], StringComparison.Ordinal));
        });

        // Payments
        Token("stripe-secret-key", "sk_live_", Alnum, 24, '!', fixedLength: false);
        Token("stripe-restricted-key", "rk_live_", Alnum, 24, '!', fixedLength: false);
        Token("stripe-test-key", "sk_test_", Alnum, 24, '!', fixedLength: false);
        Token("stripe-webhook-secret", "whsec_", Alnum, 32, '!', fixedLength: false);
        Token("square-access-token", "sq0atp-", Base64Url, 22, '!');
        Token("square-oauth-secret", "sq0csp-", Base64Url, 43, '!');
        Token("square-production-token", "EAAA", Base64Url, 60, '!');
        Add("braintree-access-token", r =>
        {
            var secret = $"access_token$production${R(r, LowerAlnum, 16)}${Mixed(r, HexLower, 32)}";
            var text = $"\"BraintreeToken\": \"{secret}\"";
            return Sample("braintree-access-token", text, secret, text.Replace("$production$", "$sandbox$", StringComparison.Ordinal),
                Shorter(text, secret), Glued(text, secret));
        });

        // AI
        OpenAi("openai-project-key", "sk-proj-");
        OpenAi("openai-service-account-key", "sk-svcacct-");
        OpenAi("openai-admin-key", "sk-admin-");
        Add("openai-api-key", r =>
        {
            var secret = "sk-" + Mixed(r, Alnum, 20) + "T3BlbkFJ" + Mixed(r, Alnum, 20);
            var text = $"OPENAI_API_KEY={secret}";
            return Sample("openai-api-key", text, secret, Glued(text, secret), Shorter(text, secret), text.Replace("sk-", "sk-x", StringComparison.Ordinal));
        });
        Token("anthropic-api-key", "sk-ant-api03-", Base64Url, 0, '!', r => Mixed(r, Base64Url, 93) + "AA");
        Token("anthropic-admin-key", "sk-ant-admin01-", Base64Url, 0, '!', r => Mixed(r, Base64Url, 93) + "AA");
        Token("huggingface-token", "hf_", Upper + Lower, 34, '1');
        Token("huggingface-org-token", "api_org_", Upper + Lower, 34, '1');
        Token("groq-api-key", "gsk_", Alnum, 52, '_');
        Token("perplexity-api-key", "pplx-", Alnum, 48, '_');

        // Messaging and email
        Token("twilio-api-key", "SK", HexLower, 32, 'g');
        Add("twilio-auth-token", r =>
        {
            var secret = Mixed(r, HexLower, 32);
            var text = $"TWILIO_ACCOUNT_SID=AC{Mixed(r, HexLower, 32)}\nTWILIO_AUTH_TOKEN={secret}\n";
            return Sample("twilio-auth-token", text, secret, $"TWILIO_AUTH_TOKEN={secret}\n", Shorter(text, secret));
        });
        Token("sendgrid-api-key", "SG.", Base64Url, 0, '!', r => Mixed(r, Base64Url, 22) + "." + Mixed(r, Base64Url, 43));
        Add("mailgun-api-key", r =>
        {
            var secret = "key-" + Mixed(r, LowerAlnum, 32);
            var text = $"MAILGUN_API_KEY={secret}";
            return Sample("mailgun-api-key", text, secret, $"SOME_API_KEY={secret}", Shorter(text, secret), Longer(text, secret, 'a'));
        });
        Add("mailchimp-api-key", r =>
        {
            var secret = Mixed(r, HexLower, 32) + "-us" + r.Next(1, 21);
            var text = $"\"MailchimpApiKey\": \"{secret}\"";
            return Sample("mailchimp-api-key", text, secret, text.Replace(secret, secret[1..], StringComparison.Ordinal), Longer(text, secret, 'x'),
                Glued(text, secret));
        });

        // Package registries
        Token("nuget-api-key", "oy2", LowerAlnum, 43, '_');
        Token("pypi-token", "pypi-AgEIcHlwaS5vcmc", Base64Url, 70, '!', fixedLength: false);
        Token("jfrog-api-key", "AKCp", Alnum, 69, '_');
        Token("jfrog-reference-token", "cmVmdGtu", Alnum, 56, '_');
        Token("rubygems-api-key", "rubygems_", HexLower, 48, 'g');
        Token("dockerhub-pat", "dckr_pat_", Base64Url, 27, '!');

        // Commerce
        Token("shopify-access-token", "shpat_", HexLower, 32, 'g');
        Token("shopify-custom-app-token", "shpca_", HexLower, 32, 'g');
        Token("shopify-private-app-token", "shppa_", HexLower, 32, 'g');
        Token("shopify-shared-secret", "shpss_", HexLower, 32, 'g');

        // Hosting
        Token("digitalocean-pat", "dop_v1_", HexLower, 64, 'g');
        Token("digitalocean-oauth-token", "doo_v1_", HexLower, 64, 'g');
        Token("digitalocean-refresh-token", "dor_v1_", HexLower, 64, 'g');
        Token("heroku-api-key-v2", "HRKU-AA", Base64Url, 58, '!');
        Add("heroku-api-key", r =>
        {
            var secret = Uuid(r);
            var text = $"HEROKU_API_KEY={secret}";
            return Sample("heroku-api-key", text, secret, $"USER_SECRETS_ID={secret}", Shorter(text, secret));
        });
        Token("cloudflare-origin-ca-key", "v1.0-", HexLower, 0, 'g', r => Mixed(r, HexLower, 24) + "-" + Mixed(r, HexLower, 146));
        Token("supabase-access-token", "sbp_", HexLower, 40, 'g');
        Token("planetscale-token", "pscale_tkn_", Base64Url, 43, '!', fixedLength: false);

        // Infrastructure and secrets managers
        Token("vault-service-token", "hvs.", Base64Url, 95, '!', fixedLength: false);
        Token("vault-batch-token", "hvb.", Base64Url, 150, '!', fixedLength: false);
        Add("vault-legacy-token", r =>
        {
            var secret = "s." + Mixed(r, Alnum, 24);
            var text = $"VAULT_TOKEN={secret}";
            return Sample("vault-legacy-token", text, secret, $"SOME_TOKEN={secret}", Shorter(text, secret), Longer(text, secret, 'a'));
        });
        Add("terraform-cloud-token", r =>
        {
            var secret = Mixed(r, LowerAlnum, 14) + ".atlasv1." + Mixed(r, Base64Url, 67);
            var text = $"token = \"{secret}\"";
            return Sample("terraform-cloud-token", text, secret, text.Replace(secret, secret[1..], StringComparison.Ordinal),
                text.Replace(secret, secret[..^20], StringComparison.Ordinal));
        });
        Token("pulumi-access-token", "pul-", HexLower, 40, 'g');
        Token("doppler-personal-token", "dp.pt.", Alnum, 43, '!', fixedLength: false);
        Token("doppler-service-token", "dp.st.", Alnum, 0, '!', r => "prd." + Mixed(r, Alnum, 43), fixedLength: false);
        Token("doppler-cli-token", "dp.ct.", Alnum, 43, '!', fixedLength: false);
        Token("onepassword-service-account-token", "ops_eyJ", Base64, 300, '!', fixedLength: false);
        Token("age-secret-key", "AGE-SECRET-KEY-1", "QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L", 58, 'B');

        // Data and developer platforms
        Token("databricks-token", "dapi", HexLower, 32, 'g');
        Token("postman-api-key", "PMAK-", HexLower, 0, 'g', r => Mixed(r, HexLower, 24) + "-" + Mixed(r, HexLower, 34));
        Token("linear-api-key", "lin_api_", Alnum, 40, '_');
        Token("notion-token", "ntn_", Alnum, 0, '_', r => R(r, Digits, 11) + Mixed(r, Alnum, 35));

        // Observability
        Token("grafana-cloud-token", "glc_", Base64, 120, '!', fixedLength: false);
        Token("grafana-service-account-token", "glsa_", Alnum, 0, '!', r => Mixed(r, Alnum, 32) + "_" + Mixed(r, HexLower, 8));
        Token("sentry-org-token", "sntrys_", Base64, 0, '!', r => "eyJ" + Mixed(r, Base64, 120) + "_" + Mixed(r, Base64, 43), fixedLength: false);
        Token("sentry-user-token", "sntryu_", HexLower, 64, 'g');
        Add("sentry-dsn-secret", r =>
        {
            var secret = Mixed(r, HexLower, 32);
            var publicKey = Mixed(r, HexLower, 32);
            var text = $"\"Sentry\": {{ \"Dsn\": \"https://{publicKey}:{secret}@o{r.Next(1000, 9999)}.ingest.sentry.io/{r.Next(100, 999)}\" }}";
            return Sample("sentry-dsn-secret", text, secret, text.Replace(":" + secret, "", StringComparison.Ordinal), Shorter(text, secret));
        });
        Add("datadog-api-key", r =>
        {
            var secret = Mixed(r, HexLower, 32);
            var text = $"DD_API_KEY={secret}";
            return Sample("datadog-api-key", text, secret, $"SOME_KEY={secret}", Shorter(text, secret), Longer(text, secret, 'a'));
        });
        Add("datadog-app-key", r =>
        {
            var secret = Mixed(r, HexLower, 40);
            var text = $"DD_APP_KEY={secret}";
            return Sample("datadog-app-key", text, secret, $"SOME_KEY={secret}", Shorter(text, secret), Longer(text, secret, 'a'));
        });
        Token("newrelic-user-api-key", "NRAK-", UpperAlnum, 27, '_');
        Token("newrelic-insert-key", "NRII-", Alnum, 32, '!');
        Add("newrelic-license-key", r =>
        {
            var secret = Mixed(r, LowerAlnum, 36) + "NRAL";
            var text = $"NEW_RELIC_LICENSE_KEY={secret}";
            return Sample("newrelic-license-key", text, secret, Glued(text, secret), text.Replace(secret, secret[1..], StringComparison.Ordinal));
        });
        Token("dynatrace-api-token", "dt0c01.", UpperAlnum, 0, '_', r => Mixed(r, UpperAlnum, 24) + "." + Mixed(r, UpperAlnum, 64));

        // Standard formats
        Add("jwt", r =>
        {
            var header = Base64UrlOf("{\"alg\":\"HS256\",\"typ\":\"JWT\"}");
            var payload = Base64UrlOf($"{{\"sub\":\"{R(r, Digits, 10)}\",\"name\":\"{R(r, Lower, 8)}\",\"iat\":{R(r, Digits, 10)}}}");
            var secret = $"{header}.{payload}.{Mixed(r, Base64Url, 43)}";
            var text = $"var bearer = \"{secret}\";";
            var noAlg = $"{Base64UrlOf("{\"typ\":\"JWT\",\"kid\":\"abc\"}")}.{payload}.{Mixed(r, Base64Url, 43)}";
            return Sample("jwt", text, secret, $"var bearer = \"{noAlg}\";", $"var bearer = \"{header}.{payload}\";", Glued(text, secret));
        });
        KeyBlock("openssh-private-key", "OPENSSH PRIVATE KEY");
        KeyBlock("pgp-private-key", "PGP PRIVATE KEY BLOCK");
        KeyBlock("private-key", "RSA PRIVATE KEY");
        Add("putty-private-key", r =>
        {
            var secret = $"PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nComment: deploy\nPublic-Lines: 2\n{Mixed(r, Base64, 64)}\n{Mixed(r, Base64, 20)}\nPrivate-Lines: 1\n{Mixed(r, Base64, 44)}";
            var text = secret + $"\nPrivate-MAC: {R(r, HexLower, 64)}\n";
            return Sample("putty-private-key", text, secret, text.Replace("Private-Lines: 1", "Private-Count: 1", StringComparison.Ordinal));
        });

        Add("jwk-private-key", r =>
        {
            var secret = Mixed(r, Base64Url, 342);
            var text = $"{{\"kty\":\"RSA\",\"e\":\"AQAB\",\"kid\":\"signer\",\"d\":\"{secret}\",\"n\":\"{Mixed(r, Base64Url, 342)}\"}}";
            return Sample("jwk-private-key", text, secret, text.Replace("\"kty\"", "\"typ\"", StringComparison.Ordinal));
        });

        // .NET configuration
        Add("aspnet-machinekey-validation-key", r =>
        {
            var secret = R(r, "0123456789ABCDEF", 128);
            var text = $"<system.web>\n  <machineKey validationKey=\"{secret}\" validation=\"HMACSHA256\" />\n</system.web>";
            return Sample("aspnet-machinekey-validation-key", text, secret,
                text.Replace(secret, "AutoGenerate,IsolateApps", StringComparison.Ordinal),
                text.Replace("<machineKey", "<add", StringComparison.Ordinal),
                text.Replace(secret, secret[..30], StringComparison.Ordinal));
        });
        Add("aspnet-machinekey-decryption-key", r =>
        {
            var secret = R(r, "0123456789ABCDEF", 64);
            var text = $"<machineKey validationKey=\"AutoGenerate,IsolateApps\" decryptionKey=\"{secret}\" decryption=\"AES\" />";
            return Sample("aspnet-machinekey-decryption-key", text, secret, text.Replace(secret, secret[..40], StringComparison.Ordinal),
                Changed(text, secret, 3, 'G'));
        });
        Add("nuget-config-password", r =>
        {
            var secret = Mixed(r, Alnum, 20);
            var text = $"<packageSourceCredentials>\n  <Contoso>\n    <add key=\"Username\" value=\"build\" />\n    <add key=\"ClearTextPassword\" value=\"{secret}\" />\n  </Contoso>\n</packageSourceCredentials>";
            return Sample("nuget-config-password", text, secret, text.Replace(secret, "%FEED_PASSWORD%", StringComparison.Ordinal),
                text.Replace(secret, "", StringComparison.Ordinal), text.Replace("ClearTextPassword", "Username2", StringComparison.Ordinal));
        });

        // Connection strings and URIs
        Uri("mongodb-uri-password", "mongodb+srv://orders:{0}@cluster0.ab1cd.mongodb.net/orders?retryWrites=true");
        Uri("redis-uri-password", "rediss://:{0}@cache.redis.cache.windows.net:6380/0");
        Uri("postgres-uri-password", "postgresql://app:{0}@db.internal:5432/orders");
        Uri("uri-password", "amqp://orders:{0}@rabbit.internal:5672/vhost");
        ConnectionString("sqlserver-connection-string-password", "Server=tcp:orders.database.windows.net,1433;Initial Catalog=orders;User ID=app;Password={0};Encrypt=True;");
        ConnectionString("postgres-connection-string-password", "Host=db.internal;Port=5432;Database=orders;Username=app;Password={0}");
        ConnectionString("mysql-connection-string-password", "Server=db.internal;Port=3306;Database=shop;Uid=app;Pwd={0};");
        ConnectionString("redis-configuration-password", "cache.contoso.com:6380,password={0},ssl=True,abortConnect=False");
        ConnectionString("connection-string-password", "Driver={{ODBC Driver 18}};Server=db.internal;Database=orders;User=app;Password={0}");
    }

    private static void AzureKey44(string id, string template)
    {
        Add(id, r =>
        {
            var secret = Mixed(r, Base64, 43) + "=";
            var text = "\"ConnectionString\": \"" + string.Format(System.Globalization.CultureInfo.InvariantCulture, template, secret) + "\"";
            return Sample(id, text, secret, Shorter(text, secret, 2), text.Replace(secret, secret[..^1] + "A", StringComparison.Ordinal),
                text.Replace(secret, "<access-key>", StringComparison.Ordinal));
        });
    }

    private static void OpenAi(string id, string prefix)
    {
        Add(id, r =>
        {
            var secret = prefix + Mixed(r, Base64Url, 74) + "T3BlbkFJ" + Mixed(r, Base64Url, 74);
            var text = $"OPENAI_API_KEY={secret}";
            return Sample(id, text, secret, Glued(text, secret), text.Replace(secret, prefix + "abc" + "T3BlbkFJ" + Mixed(r, Base64Url, 74), StringComparison.Ordinal));
        });
    }

    private static void KeyBlock(string id, string label)
    {
        Add(id, r =>
        {
            var secret = $"-----BEGIN {label}-----\n{PemBody(r, 8)}-----END {label}-----";
            var text = $"const string Key = @\"{secret}\";";
            return Sample(id, text, secret,
                $"-----BEGIN {label}-----\n...\n-----END {label}-----",
                $"-----BEGIN PUBLIC KEY-----\n{PemBody(r, 4)}-----END PUBLIC KEY-----",
                $"-----BEGIN {label}-----\n{PemBody(r, 8)}");
        });
    }

    private static void Uri(string id, string template)
    {
        Add(id, r =>
        {
            var secret = Mixed(r, Alnum, 18) + "!";
            var text = "\"Url\": \"" + string.Format(System.Globalization.CultureInfo.InvariantCulture, template, secret) + "\"";
            return Sample(id, text, secret, text.Replace(secret, "${DB_PASSWORD}", StringComparison.Ordinal),
                text.Replace(secret + "@", "", StringComparison.Ordinal).Replace(":@", "@", StringComparison.Ordinal));
        });
    }

    private static void ConnectionString(string id, string template)
    {
        Add(id, r =>
        {
            var secret = Mixed(r, Alnum, 16) + "!x";
            var text = "\"Default\": \"" + string.Format(System.Globalization.CultureInfo.InvariantCulture, template, secret) + "\"";
            return Sample(id, text, secret,
                text.Replace(secret, "", StringComparison.Ordinal),
                text.Replace(secret, "changeme", StringComparison.Ordinal),
                text.Replace(secret, "{{ db_password }}", StringComparison.Ordinal),
                $"user.Password = \"{secret}\";");
        });
    }
}
