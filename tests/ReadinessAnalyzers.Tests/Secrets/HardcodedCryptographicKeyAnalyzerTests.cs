using ReadinessAnalyzers.Secrets;
using Verification = ReadinessAnalyzers.Tests.Verification;
using Verify = ReadinessAnalyzers.Tests.Verification.CSharpAnalyzerVerifier<ReadinessAnalyzers.Secrets.HardcodedCryptographicKeyAnalyzer>;

namespace ReadinessAnalyzers.Tests.Secrets;

public class HardcodedCryptographicKeyAnalyzerTests
{
    [Fact]
    public Task SymmetricSecurityKeyFromLiteralIsReportedEvenWhenItLooksLikeAPlaceholder() => Verify.VerifyAnalyzerAsync("""
        using System.Text;
        using Microsoft.IdentityModel.Tokens;

        var key = new SymmetricSecurityKey(Encoding.UTF8.GetBytes([|"dev-secret-key-change-in-production"|]));
        """);

    [Fact]
    public Task Base64HexAndUtf8LiteralsAreReported() => Verify.VerifyAnalyzerAsync("""
        using System.Security.Cryptography;
        using Microsoft.IdentityModel.Tokens;

        var a = new SymmetricSecurityKey(Convert.FromBase64String([|"q83vEjRWeJCrze8SNFZ4kA=="|]));
        var b = new HMACSHA256(Convert.FromHexString([|"00112233445566778899aabbccddeeff"|]));
        var c = new HMACSHA512([|"webhook-signing-secret"u8|].ToArray());
        """);

    [Fact]
    public Task HmacHashDataAndAlgorithmKeyAreReported() => Verify.VerifyAnalyzerAsync("""
        using System.Security.Cryptography;
        using System.Text;

        public static class Crypto
        {
            public static byte[] Sign(byte[] data) => HMACSHA256.HashData(Encoding.ASCII.GetBytes([|"hmac-key-0123456789"|]), data);

            public static void Encrypt()
            {
                using var aes = Aes.Create();
                aes.Key = [|new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16 }|];
                var hmac = new HMACSHA1 { Key = Encoding.UTF8.GetBytes([|"legacy-hmac"|]) };
                using var gcm = new AesGcm([|new byte[] { 9, 8, 7, 6, 5, 4, 3, 2, 1, 0, 1, 2, 3, 4, 5, 6 }|], 16);
                var encryptor = aes.CreateEncryptor(Encoding.UTF8.GetBytes([|"0123456789abcdef"|]), new byte[16]);
            }
        }
        """);

    [Fact]
    public Task MaterialFlowingThroughLocalsFieldsAndConstantsIsReportedAtItsSource() => Verify.VerifyAnalyzerAsync("""
        using System.Text;
        using Microsoft.IdentityModel.Tokens;

        public static class Tokens
        {
            private const string JwtSecret = "orders-api-signing-secret-2024";
            private static readonly byte[] KeyBytes = Encoding.UTF8.GetBytes([|"static-readonly-secret-bytes"|]);

            public static SecurityKey FromConstant() => new SymmetricSecurityKey(Encoding.UTF8.GetBytes([|JwtSecret|]));

            public static SecurityKey FromField() => new SymmetricSecurityKey(KeyBytes);

            public static SecurityKey FromLocal()
            {
                var secret = [|"local-secret-value-for-jwt"|];
                var bytes = Encoding.UTF8.GetBytes(secret);
                return new SymmetricSecurityKey(bytes);
            }
        }
        """);

    [Fact]
    public Task HardcodedFallbackOfConfigurationIsReported() => Verify.VerifyAnalyzerAsync("""
        using System.Text;
        using Microsoft.IdentityModel.Tokens;

        var builder = WebApplication.CreateBuilder(args);
        var key = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(builder.Configuration["Jwt:Key"] ?? [|"fallback-signing-key-123"|]));
        """);

    [Fact]
    public Task NamedLiteralKeyArrayIsReportedWhereItIsDeclared() => Verify.VerifyAnalyzerAsync("""
        using System.Security.Cryptography;

        public static class Vault
        {
            private static readonly byte[] EncryptionKey = [|{ 0x10, 0x21, 0x32, 0x43, 0x54, 0x65, 0x76, 0x87, 0x98, 0xa9, 0xba, 0xcb, 0xdc, 0xed, 0xfe, 0x0f }|];
            private static readonly byte[] Salt = { 0x10, 0x21, 0x32, 0x43, 0x54, 0x65, 0x76, 0x87, 0x98, 0xa9, 0xba, 0xcb, 0xdc, 0xed, 0xfe, 0x0f };

            public static void Use()
            {
                using var aes = Aes.Create();
                aes.Key = EncryptionKey;
            }
        }
        """);

    [Fact]
    public Task MessageNamesTheSinkAndMasksTheKey() => Verify.VerifyAnalyzerAsync("""
        using System.Text;
        using Microsoft.IdentityModel.Tokens;

        var key = new SymmetricSecurityKey(Encoding.UTF8.GetBytes({|#0:"super-long-signing-key-0123456789"|}));
        """,
        Verify.Diagnostic(RuleIds.HardcodedCryptographicKey).WithLocation(0)
            .WithMessageContaining("'SymmetricSecurityKey'").WithMessageContaining("supe…(33 chars)"));

    [Fact]
    public Task InsideIsDevelopmentIsStillReported() => Verify.VerifyAnalyzerAsync("""
        using System.Text;
        using Microsoft.IdentityModel.Tokens;

        var builder = WebApplication.CreateBuilder(args);
        if (builder.Environment.IsDevelopment())
        {
            var key = new SymmetricSecurityKey(Encoding.UTF8.GetBytes([|"development-only-key-0123456789"|]));
        }
        """);

    [Fact]
    public Task KeysFromConfigurationOrRandomBytesAreNotReported() => Verify.VerifyAnalyzerAsync("""
        using System.Security.Cryptography;
        using System.Text;
        using Microsoft.IdentityModel.Tokens;

        var builder = WebApplication.CreateBuilder(args);
        var jwtKey = builder.Configuration["Jwt:Key"] ?? throw new InvalidOperationException("Jwt:Key is not configured");
        var key = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(jwtKey));
        using var aes = Aes.Create();
        aes.Key = RandomNumberGenerator.GetBytes(32);
        aes.IV = new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16 };
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("not a key, just hashed"));
        var empty = new HMACSHA256(Encoding.UTF8.GetBytes(""));
        """);

    [Fact]
    public Task UserTypesWithTheSameNamesAreNotReported() => Verify.VerifyAnalyzerAsync("""
        public sealed class SymmetricSecurityKey { public SymmetricSecurityKey(byte[] key) { } }
        public sealed class Cipher { public byte[] Key { get; set; } = Array.Empty<byte>(); }

        public static class Use
        {
            public static void Run()
            {
                var k = new SymmetricSecurityKey(System.Text.Encoding.UTF8.GetBytes("not-the-identitymodel-key"));
                var c = new Cipher { Key = new byte[] { 1, 2, 3 } };
            }
        }
        """);

    [Fact]
    public Task TestProjectIsNotAnalyzed()
    {
        var test = new Verification.AnalyzerTest<HardcodedCryptographicKeyAnalyzer>
        {
            TestCode = """
                using System.Text;
                using Microsoft.IdentityModel.Tokens;

                var key = new SymmetricSecurityKey(Encoding.UTF8.GetBytes("test-signing-key-0123456789abcdef"));
                """,
        };
        test.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property.IsTestProject = true\n"));
        return test.RunAsync();
    }

    [Fact]
    public Task SymmetricSecurityKeyIsRecognisedByExactNameWithoutPackageReferences()
    {
        var test = new Verification.AnalyzerTest<HardcodedCryptographicKeyAnalyzer>
        {
            TestCode = """
                using System.Text;
                using Microsoft.IdentityModel.Tokens;

                public static class Tokens
                {
                    private const string SigningText = "WarehouseSigningKeyThatIsLongEnough";

                    public static object Key() => new SymmetricSecurityKey(Encoding.UTF8.GetBytes([|SigningText|]));

                    public static object Other() => new SymmetricSecurityKey(Convert.FromBase64String([|"q83vEjRWeJCrze8SNFZ4kA=="|]));
                }
                """,
            References = Verification.TestReferences.WithoutPackages,
            CompilerDiagnostics = Verification.CompilerDiagnostics.None,
        };
        return test.RunAsync();
    }

    [Fact]
    public Task CredentialNamedConstantIsLeftToItsDeclaration() => Verify.VerifyAnalyzerAsync("""
        using System.Text;
        using Microsoft.IdentityModel.Tokens;

        public static class Tokens
        {
            public const string JWT_SECRET_KEY = "Wv8#kLq2!Zx9mT4pRn7s";

            public static SecurityKey Key() => new SymmetricSecurityKey(Encoding.UTF8.GetBytes(JWT_SECRET_KEY));
        }
        """);

    [Fact]
    public Task PrivateRsaParametersFromLiteralsAreReportedOnceAndPublicOnesAreNot() => Verify.VerifyAnalyzerAsync("""
        using System.Security.Cryptography;

        public static class Keys
        {
            public static RSAParameters Signer => new RSAParameters
            {
                Modulus = Convert.FromBase64String("q83vEjRWeJCrze8SNFZ4kA=="),
                Exponent = Convert.FromBase64String("AQAB"),
                D = Convert.FromBase64String([|"Wv8kLq2Zx9mT4pRn7sQa1B=="|]),
                P = Convert.FromBase64String("Zk3mW8vN1qLx7Ty2Qa0="),
            };

            public static RSAParameters Verifier => new RSAParameters
            {
                Modulus = Convert.FromBase64String("q83vEjRWeJCrze8SNFZ4kA=="),
                Exponent = Convert.FromBase64String("AQAB"),
            };
        }
        """);

    [Fact]
    public Task HalfTypedCodeDoesNotCrash() => Verify.VerifyBrokenCodeAsync("""
        using System.Text;
        using Microsoft.IdentityModel.Tokens;

        var key = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(
        var other = new SymmetricSecurityKey(Missing.Bytes("x"));
        var hmac = new System.Security.Cryptography.HMACSHA256(Encoding.UTF8.GetBytes(undefinedLocal));
        aes.Key = Encoding.UTF8.GetBytes("k");
        """);
}
