using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using ReadinessAnalyzers.Internals;

namespace ReadinessAnalyzers.Secrets
{
    /// <summary>
    /// The APIs that take a credential and nothing else: there the sink decides, and any non-empty literal is a hardcoded
    /// credential, however weak ("secret", "admin"). Types are looked up once per compilation; where one does not resolve
    /// (an unrestored package) the exact type and member names decide, never a looser guess.
    /// </summary>
    internal sealed class CredentialSinks
    {
        private const string NetworkCredentialType = "System.Net.NetworkCredential";
        private const string UserManagerType = "Microsoft.AspNetCore.Identity.UserManager`1";
        private const string SignInManagerType = "Microsoft.AspNetCore.Identity.SignInManager`1";
        private const string OAuthOptionsType = "Microsoft.AspNetCore.Authentication.OAuth.OAuthOptions";
        private const string OpenIdConnectOptionsType = "Microsoft.AspNetCore.Authentication.OpenIdConnect.OpenIdConnectOptions";
        private const string OpenIddictDescriptorType = "OpenIddict.Abstractions.OpenIddictApplicationDescriptor";
        private const string DuendeSecretType = "Duende.IdentityServer.Models.Secret";
        private const string IdentityServer4SecretType = "IdentityServer4.Models.Secret";
        private const string SqlBuilderType = "Microsoft.Data.SqlClient.SqlConnectionStringBuilder";
        private const string SystemSqlBuilderType = "System.Data.SqlClient.SqlConnectionStringBuilder";
        private const string NpgsqlBuilderType = "Npgsql.NpgsqlConnectionStringBuilder";

        private readonly INamedTypeSymbol? _networkCredential;
        private readonly INamedTypeSymbol? _userManager;
        private readonly INamedTypeSymbol? _signInManager;
        private readonly INamedTypeSymbol? _oauthOptions;
        private readonly INamedTypeSymbol? _openIdConnectOptions;
        private readonly INamedTypeSymbol? _openIddictDescriptor;
        private readonly INamedTypeSymbol? _duendeSecret;
        private readonly INamedTypeSymbol? _identityServer4Secret;
        private readonly INamedTypeSymbol? _sqlBuilder;
        private readonly INamedTypeSymbol? _systemSqlBuilder;
        private readonly INamedTypeSymbol? _npgsqlBuilder;

        public CredentialSinks(WellKnownTypes types)
        {
            _networkCredential = types.Get(NetworkCredentialType);
            _userManager = types.Get(UserManagerType);
            _signInManager = types.Get(SignInManagerType);
            _oauthOptions = types.Get(OAuthOptionsType);
            _openIdConnectOptions = types.Get(OpenIdConnectOptionsType);
            _openIddictDescriptor = types.Get(OpenIddictDescriptorType);
            _duendeSecret = types.Get(DuendeSecretType);
            _identityServer4Secret = types.Get(IdentityServer4SecretType);
            _sqlBuilder = types.Get(SqlBuilderType);
            _systemSqlBuilder = types.Get(SystemSqlBuilderType);
            _npgsqlBuilder = types.Get(NpgsqlBuilderType);
        }

        /// <summary>True when <paramref name="argument"/> is the credential of a bound constructor or method call.</summary>
        public bool IsCredentialArgument(IArgumentOperation argument)
        {
            var parameter = argument.Parameter;
            if (parameter is null || !(parameter.ContainingSymbol is IMethodSymbol method))
            {
                return false;
            }

            var type = method.ContainingType;
            if (method.MethodKind == MethodKind.Constructor)
            {
                return parameter.Name == "password" && Same(type, _networkCredential)
                    || parameter.Ordinal == 0 && (Same(type, _duendeSecret) || Same(type, _identityServer4Secret));
            }

            // OpenIddict's client, validation and web-provider builders all take the client secret as SetClientSecret(secret).
            if (method.Name == "SetClientSecret")
            {
                return parameter.Ordinal == 0 && type.Name.StartsWith("OpenIddict", System.StringComparison.Ordinal);
            }

            return IsPasswordParameter(method.Name, parameter.Name)
                && (DerivesFrom(type, _userManager) || DerivesFrom(type, _signInManager));
        }

        /// <summary>True when assigning <paramref name="member"/> of <paramref name="containingType"/> stores a credential.</summary>
        public bool IsCredentialMember(string member, INamedTypeSymbol? containingType)
        {
            if (member == "ClientSecret")
            {
                return DerivesFrom(containingType, _oauthOptions) || DerivesFrom(containingType, _openIdConnectOptions)
                    || Same(containingType, _openIddictDescriptor);
            }

            return member == "Password"
                && (Same(containingType, _networkCredential) || DerivesFrom(containingType, _sqlBuilder)
                    || DerivesFrom(containingType, _systemSqlBuilder) || DerivesFrom(containingType, _npgsqlBuilder));
        }

        /// <summary>
        /// For a member assigned on a type that does not resolve: <c>ClientSecret</c> (every OAuth, OIDC, OpenIddict and
        /// IdentityServer client calls its secret that), or <c>Password</c> of a connection-string builder or credential
        /// named exactly.
        /// </summary>
        public static bool IsUnresolvedCredentialMember(string member, ITypeSymbol? receiver)
        {
            if (receiver != null && receiver.TypeKind != TypeKind.Error)
            {
                return false;
            }

            if (member == "ClientSecret")
            {
                return true;
            }

            var name = receiver?.Name;
            return member == "Password"
                && (name == "NetworkCredential" || name == "SqlConnectionStringBuilder" || name == "NpgsqlConnectionStringBuilder"
                    || name == "MySqlConnectionStringBuilder");
        }

        /// <summary>
        /// For a constructor or method call that does not bind: the index of the credential argument by exact type and
        /// method name (<c>new NetworkCredential(user, password)</c>, <c>new Secret("…".Sha256())</c>,
        /// <c>userManager.CreateAsync(user, password)</c>), or -1.
        /// </summary>
        public static int UnresolvedCredentialArgument(IInvalidOperation invalid, out string sinkName)
        {
            sinkName = string.Empty;
            switch (invalid.Syntax)
            {
                case ObjectCreationExpressionSyntax creation:
                {
                    var type = TypeName(creation.Type);
                    var count = creation.ArgumentList?.Arguments.Count ?? 0;
                    sinkName = type;
                    return type == "NetworkCredential" && count >= 2 ? 1
                        : type == "Secret" && count >= 1 ? 0
                        : -1;
                }

                case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } invocation:
                {
                    var method = access.Name.Identifier.ValueText;
                    if (method == "SetClientSecret" && invocation.ArgumentList.Arguments.Count == 1)
                    {
                        sinkName = method;
                        return 0;
                    }

                    var receiver = invalid.SemanticModel?.GetTypeInfo(access.Expression).Type;
                    var receiverName = receiver?.Name;
                    if (!(receiver is null || receiver.TypeKind == TypeKind.Error) || !(receiverName == "UserManager" || receiverName == "SignInManager"))
                    {
                        return -1;
                    }

                    sinkName = receiverName + "." + method;
                    var count = invocation.ArgumentList.Arguments.Count;
                    switch (method)
                    {
                        case "CreateAsync":
                            return count == 2 && receiverName == "UserManager" ? 1 : -1;
                        case "AddPasswordAsync":
                        case "CheckPasswordAsync":
                        case "PasswordSignInAsync":
                        case "CheckPasswordSignInAsync":
                            return count >= 2 ? 1 : -1;
                        case "ChangePasswordAsync":
                        case "ResetPasswordAsync":
                            return count == 3 ? 2 : -1;
                        default:
                            return -1;
                    }
                }

                default:
                    return -1;
            }
        }

        /// <summary>
        /// <c>new Secret("5D9E…") { Type = …X509CertificateThumbprint }</c>: a certificate's thumbprint names the
        /// certificate that authenticates the client, it is not a shared secret.
        /// </summary>
        public static bool IsCertificateThumbprint(IOperation value, string text)
        {
            if (!Internals.Secrets.SecretValues.IsHexOfLength(text, 40) && !Internals.Secrets.SecretValues.IsHexOfLength(text, 64))
            {
                return false;
            }

            for (var node = value.Syntax.Parent; node != null && !(node is StatementSyntax); node = node.Parent)
            {
                if (node is BaseObjectCreationExpressionSyntax { Initializer: { } initializer }
                    && initializer.ToString().IndexOf("Thumbprint", System.StringComparison.Ordinal) >= 0)
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsPasswordParameter(string method, string parameter)
        {
            switch (method)
            {
                case "CreateAsync":
                case "AddPasswordAsync":
                case "CheckPasswordAsync":
                case "PasswordSignInAsync":
                case "CheckPasswordSignInAsync":
                    return parameter == "password";
                case "ChangePasswordAsync":
                    return parameter == "newPassword" || parameter == "currentPassword";
                case "ResetPasswordAsync":
                    return parameter == "newPassword";
                default:
                    return false;
            }
        }

        private static string TypeName(TypeSyntax type) => UnresolvedMembers.LastName(type) ?? string.Empty;

        private static bool Same(INamedTypeSymbol? type, INamedTypeSymbol? known)
            => known != null && SymbolEqualityComparer.Default.Equals(type?.OriginalDefinition, known);

        private static bool DerivesFrom(INamedTypeSymbol? type, INamedTypeSymbol? baseType)
        {
            if (baseType is null)
            {
                return false;
            }

            for (var current = type; current != null; current = current.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, baseType))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
