using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using ReadinessAnalyzers.Internals;

namespace ReadinessAnalyzers.Logging
{
    /// <summary>
    /// RDY4004: a credential-named value (password, token, API key …) written to a log: ILogger calls, [LoggerMessage]
    /// methods, LoggerMessage.Define delegates, Serilog and NLog loggers (by their exact level-method names on an unresolved
    /// Logger/ILogger when the package is not restored), Console and Trace output, directly, as a template argument, interpolated
    /// or concatenated into the message; also an object whose credential-named properties the entry writes out: destructured
    /// (<c>{@Login}</c>) or a record (its ToString prints every property).
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class CredentialWrittenToLogAnalyzer : DiagnosticAnalyzer
    {
        internal static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
            RuleIds.CredentialWrittenToLog,
            title: "Credential written to a log",
            messageFormat: "'{0}' looks like a credential and is written to the log by '{1}': logs are read by many and kept long; leave it out or log a masked form",
            description: "Passwords, tokens, API keys and client secrets written to logs end up in log files, log collectors, "
                + "support tickets and backups, readable by everyone with access to any of them and kept long after the "
                + "credential should have been rotated. Log that a credential was present, its length or a masked form, never the value.");

        private const string LoggerExtensions = "Microsoft.Extensions.Logging.LoggerExtensions";
        private const string LoggerMessageAttribute = "Microsoft.Extensions.Logging.LoggerMessageAttribute";
        private const string Console = "System.Console";
        private const string TextWriter = "System.IO.TextWriter";
        private const string Trace = "System.Diagnostics.Trace";
        private const string SerilogLogger = "Serilog.ILogger";
        private const string SerilogLog = "Serilog.Log";
        private const string NLogLogger = "NLog.Logger";
        private const string NLogILogger = "NLog.ILogger";
        private const string NLogILoggerBase = "NLog.ILoggerBase";

        /// <summary>Words that say a name holds a masked or one-way form of the credential: maskedPassword, HashToken(…).</summary>
        private static readonly HashSet<string> MaskingWords = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "mask", "masked", "redact", "redacted", "hash", "hashed", "encrypt", "encrypted", "protect", "protected",
            "obfuscate", "obfuscated", "sanitize", "sanitized", "anonymize", "anonymized", "truncate", "truncated", "scrub",
            "scrubbed", "hide", "hidden", "fingerprint", "digest", "safe",
        };

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(static start =>
            {
                var types = WellKnownTypes.GetOrCreate(start.Compilation);
                var sinks = new Sinks(
                    types.Get(TypeNames.ILogger),
                    types.Get(LoggerExtensions),
                    types.Get(LoggerMessageAttribute),
                    types.Get(Console),
                    types.Get(TextWriter),
                    types.Get(Trace),
                    types.Get(TypeNames.IHeaderDictionary),
                    new[] { types.Get(SerilogLogger), types.Get(SerilogLog), types.Get(NLogLogger), types.Get(NLogILogger), types.Get(NLogILoggerBase) });
                var guard = DevelopmentGuard.Create(start.Compilation, start.Options);

                start.RegisterOperationAction(
                    context =>
                    {
                        var invocation = (IInvocationOperation)context.Operation;
                        var sink = sinks.SinkName(invocation);
                        if (sink is null)
                        {
                            return;
                        }

                        var destructured = DestructuredHoles(invocation);
                        var position = 0;
                        var afterTemplate = false;
                        foreach (var argument in invocation.Arguments)
                        {
                            if (argument.Value != null && !sinks.IsLoggerOrException(argument.Parameter?.Type))
                            {
                                InspectWrittenValue(context, guard, sinks, argument.Value, sink);
                                if (afterTemplate)
                                {
                                    InspectWrittenObject(context, guard, argument, sink, destructured!, ref position);
                                }
                            }

                            afterTemplate |= destructured != null && IsTemplate(argument);
                        }
                    },
                    OperationKind.Invocation);

                start.RegisterOperationAction(
                    context =>
                    {
                        // A half-typed or unresolved ILogger call: the exact name of a LoggerExtensions method decides.
                        var invalid = (IInvalidOperation)context.Operation;
                        var name = Invocations.UnresolvedMethodName(invalid);
                        if (name is null || !(IsLoggerExtensionName(name) || IsUnresolvedLibraryLoggerCall(invalid, name)))
                        {
                            return;
                        }

                        foreach (var child in invalid.ChildOperations)
                        {
                            var value = child is IArgumentOperation argument ? argument.Value : child;
                            if (value != null && value.Syntax.Parent is ArgumentSyntax)
                            {
                                InspectWrittenValue(context, guard, sinks, value, name);
                            }
                        }
                    },
                    OperationKind.Invalid);
            });
        }

        private static bool IsLoggerExtensionName(string name)
        {
            switch (name)
            {
                case "LogTrace":
                case "LogDebug":
                case "LogInformation":
                case "LogWarning":
                case "LogError":
                case "LogCritical":
                case "BeginScope":
                    return true;
                default:
                    return false;
            }
        }

        /// <summary>The level methods of NLog and Serilog loggers (Serilog's Verbose … Fatal, NLog's Trace … Fatal).</summary>
        private static bool IsLevelMethod(string name)
        {
            switch (name)
            {
                case "Trace":
                case "Debug":
                case "Info":
                case "Warn":
                case "Error":
                case "Fatal":
                case "Verbose":
                case "Information":
                case "Warning":
                    return true;
                default:
                    return false;
            }
        }

        /// <summary>
        /// NLog's <c>logger.Warn(…)</c> or Serilog's <c>Log.Information(…)</c> when the package is not restored: a level method
        /// of exactly that name, called on a receiver whose type is the unresolved <c>Logger</c>/<c>ILogger</c>, or on <c>Log</c>.
        /// </summary>
        private static bool IsUnresolvedLibraryLoggerCall(IInvalidOperation invalid, string name)
        {
            if (!IsLevelMethod(name) || !(invalid.Syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access }))
            {
                return false;
            }

            var receiver = FindOperation(invalid, access.Expression, 2);
            var type = receiver?.Type;
            if (type is null || receiver is IInvalidOperation)
            {
                // Serilog's static Log when Serilog does not bind: the receiver is no value at all.
                return access.Expression is IdentifierNameSyntax { Identifier: { ValueText: "Log" } } && name != "Info" && name != "Warn" && name != "Trace";
            }

            return type != null && type.TypeKind == TypeKind.Error && (type.Name == "Logger" || type.Name == "ILogger");
        }

        private static IOperation? FindOperation(IOperation parent, SyntaxNode syntax, int depth)
        {
            foreach (var child in parent.ChildOperations)
            {
                if (child.Syntax == syntax)
                {
                    return child;
                }

                if (depth > 1 && child.Kind == OperationKind.None && FindOperation(child, syntax, depth - 1) is IOperation nested)
                {
                    return nested;
                }
            }

            return null;
        }

        /// <summary>
        /// The template holes, in order, that destructure their argument (<c>{@Login}</c>): the entry then carries every property
        /// of the object. Null when the call has no constant template.
        /// </summary>
        private static List<bool>? DestructuredHoles(IInvocationOperation invocation)
        {
            foreach (var argument in invocation.Arguments)
            {
                if (IsTemplate(argument) && Invocations.ConstantString(argument.Value) is string template)
                {
                    var holes = new List<bool>();
                    for (var i = 0; i < template.Length; i++)
                    {
                        if (template[i] != '{')
                        {
                            continue;
                        }

                        if (i + 1 < template.Length && template[i + 1] == '{')
                        {
                            i++;
                            continue;
                        }

                        holes.Add(i + 1 < template.Length && template[i + 1] == '@');
                    }

                    return holes;
                }
            }

            return null;
        }

        private static bool IsTemplate(IArgumentOperation argument)
            => argument.Parameter?.Type.SpecialType == SpecialType.System_String
                && (argument.Parameter.Name == "message" || argument.Parameter.Name == "messageTemplate");

        /// <summary>
        /// An object argument whose credential-named properties the entry writes out: destructured by its hole (<c>{@Login}</c>)
        /// or a record, whose ToString prints every property. Properties marked not to be logged are left out.
        /// </summary>
        private static void InspectWrittenObject(
            OperationAnalysisContext context, DevelopmentGuard guard, IArgumentOperation argument, string sink, List<bool> destructured, ref int position)
        {

            var values = WithoutConversions(argument.Value) is IArrayCreationOperation { Initializer: { } initializer } && argument.ArgumentKind == ArgumentKind.ParamArray
                ? initializer.ElementValues
                : ImmutableArray.Create(argument.Value);
            foreach (var element in values)
            {
                var hole = position++;
                var value = WithoutConversions(element);
                if (!(value.Type is INamedTypeSymbol type) || type.TypeKind != TypeKind.Class || type.SpecialType != SpecialType.None || value is IAnonymousObjectCreationOperation)
                {
                    continue;
                }

                var writesProperties = (hole < destructured.Count && destructured[hole]) || type.IsRecord;
                var property = writesProperties ? CredentialProperty(type) : null;
                if (property != null && !guard.IsDevelopmentOnly(value))
                {
                    context.ReportDiagnostic(Diagnostic.Create(Rule, value.Syntax.GetLocation(), type.Name + "." + property, sink));
                }
            }
        }

        /// <summary>The first public, text-carrying, credential-named property of the type or its bases that is not marked NotLogged/LogMasked.</summary>
        private static string? CredentialProperty(INamedTypeSymbol type)
        {
            for (var current = type; current != null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
            {
                foreach (var member in current.GetMembers())
                {
                    if (member is IPropertySymbol { DeclaredAccessibility: Accessibility.Public, IsStatic: false, IsIndexer: false } property
                        && IsCredentialName(property.Name)
                        && MayCarrySecret(property.Type)
                        && !IsMarkedNotLogged(property))
                    {
                        return property.Name;
                    }
                }
            }

            return null;
        }

        private static bool IsMarkedNotLogged(IPropertySymbol property)
        {
            foreach (var attribute in property.GetAttributes())
            {
                var name = attribute.AttributeClass?.Name;
                if (name == "NotLoggedAttribute" || name == "LogMaskedAttribute" || name == "JsonIgnoreAttribute" || name == "SensitiveDataAttribute")
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Looks through the shapes a value takes on its way into a log entry, down to the values themselves.</summary>
        private static void InspectWrittenValue(OperationAnalysisContext context, DevelopmentGuard guard, Sinks sinks, IOperation value, string sink)
        {
            value = WithoutConversions(value);
            switch (value)
            {
                case IArrayCreationOperation { Initializer: { } initializer }:
                    // params object[] args of the ILogger extensions.
                    foreach (var element in initializer.ElementValues)
                    {
                        InspectWrittenValue(context, guard, sinks, element, sink);
                    }

                    return;

                case IInterpolatedStringOperation interpolated:
                    foreach (var part in interpolated.Parts)
                    {
                        if (part is IInterpolationOperation interpolation)
                        {
                            InspectWrittenValue(context, guard, sinks, interpolation.Expression, sink);
                        }
                    }

                    return;

                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } concatenation when concatenation.Type?.SpecialType == SpecialType.System_String:
                    InspectWrittenValue(context, guard, sinks, concatenation.LeftOperand, sink);
                    InspectWrittenValue(context, guard, sinks, concatenation.RightOperand, sink);
                    return;

                case IAnonymousObjectCreationOperation anonymous:
                    // logger.LogInformation("{@Login}", new { user.Name, user.Password }): destructured into the entry.
                    foreach (var initializer in anonymous.Initializers)
                    {
                        if (initializer is ISimpleAssignmentOperation assignment)
                        {
                            InspectWrittenValue(context, guard, sinks, assignment.Value, sink);
                        }
                    }

                    return;

                case ICoalesceOperation coalesce:
                    InspectWrittenValue(context, guard, sinks, coalesce.Value, sink);
                    return;

                case IConditionalOperation { WhenFalse: { } whenFalse } conditional:
                    // isDevelopment ? token : Mask(token): each branch on its own, the guard sees which one runs where.
                    InspectWrittenValue(context, guard, sinks, conditional.WhenTrue, sink);
                    InspectWrittenValue(context, guard, sinks, whenFalse, sink);
                    return;
            }

            // A constant is a literal the Secrets rules judge; a constant named TokenRefreshed is an event name, not a token.
            var credential = value.ConstantValue.HasValue ? null : CredentialValue(value, sinks);
            if (credential != null && MayCarrySecret(WithoutConversions(credential).Type) && !guard.IsDevelopmentOnly(credential))
            {
                context.ReportDiagnostic(Diagnostic.Create(Rule, credential.Syntax.GetLocation(), Describe(credential), sink));
            }
        }

        /// <summary>The operation whose name says it is a credential (the value itself, or the receiver of ToString/Trim …), or null.</summary>
        private static IOperation? CredentialValue(IOperation value, Sinks sinks)
        {
            switch (value)
            {
                case ILocalReferenceOperation local:
                    return IsCredentialName(local.Local.Name) ? value : null;
                case IParameterReferenceOperation parameter:
                    return IsCredentialName(parameter.Parameter.Name) ? value : null;
                case IFieldReferenceOperation field:
                    return IsCredentialName(field.Field.Name) ? value : null;
                case IPropertyReferenceOperation property when property.Property.IsIndexer:
                    // config["Jwt:Key"], Request.Form["password"], Request.Headers["Authorization"]
                    return property.Arguments.Length == 1
                        && Invocations.ConstantString(property.Arguments[0].Value) is string key
                        && (IsCredentialName(key) || (sinks.IsHeaderDictionary(property.Property.ContainingType) && CredentialHeaders.IsCredentialHeader(key)))
                        ? value
                        : null;
                case IPropertyReferenceOperation { Property: { Name: "Value" }, Instance: { } holder }:
                    // settings.Password.Value: the value of a credential-named setting item.
                    return CredentialValue(WithoutConversions(holder), sinks) != null ? value : null;
                case IPropertyReferenceOperation property:
                    // user.Password, options.ApiKey, Request.Headers.Authorization
                    return IsCredentialName(property.Property.Name)
                        || (sinks.IsHeaderDictionary(property.Property.ContainingType) && CredentialHeaders.IsCredentialHeader(property.Property.Name))
                        ? value
                        : null;
                case IInvocationOperation invocation:
                    var name = invocation.TargetMethod.Name;
                    if (invocation.Instance != null && PreservesValue(name))
                    {
                        // password.ToString(), token.Trim(): still the credential.
                        return CredentialValue(WithoutConversions(invocation.Instance), sinks) != null ? value : null;
                    }

                    // GetAccessToken(), ReadApiKeyAsync(); Mask(token) or Hash(password) are named after what they return.
                    return IsCredentialName(TrimAsync(name)) ? value : null;
                case IAwaitOperation awaited:
                    return CredentialValue(WithoutConversions(awaited.Operation), sinks) != null ? value : null;
                default:
                    return null;
            }
        }

        private static bool PreservesValue(string methodName)
            => methodName == "ToString" || methodName == "Trim" || methodName == "TrimStart" || methodName == "TrimEnd"
                || methodName == "ToUpper" || methodName == "ToLower" || methodName == "ToUpperInvariant" || methodName == "ToLowerInvariant"
                || methodName == "AsSpan" || methodName == "AsMemory" || methodName == "ToCharArray";

        private static string TrimAsync(string name)
            => name.EndsWith("Async", StringComparison.Ordinal) && name.Length > 5 ? name.Substring(0, name.Length - 5) : name;

        /// <summary>A credential name, unless a word says the value is masked or one-way (maskedPassword, HashToken).</summary>
        internal static bool IsCredentialName(string name)
        {
            if (!CredentialNames.Default.IsCredentialName(name))
            {
                return false;
            }

            foreach (var word in CredentialNames.SplitWords(name))
            {
                if (MaskingWords.Contains(word))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Flags, counts, dates and enums named after a credential (passwordExpired, TokenState) hold no secret.</summary>
        private static bool MayCarrySecret(ITypeSymbol? type)
        {
            if (type is null || type.TypeKind == TypeKind.Error || type.TypeKind == TypeKind.TypeParameter || type.TypeKind == TypeKind.Dynamic)
            {
                return true;
            }

            if (!type.IsValueType)
            {
                return type.Name != "SecureString";
            }

            if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable && nullable.TypeArguments.Length == 1)
            {
                type = nullable.TypeArguments[0];
            }

            // Header values and spans of characters carry text; a Guid is often a reset or confirmation token.
            switch (type.Name)
            {
                case "StringValues":
                case "ReadOnlySpan":
                case "Span":
                case "ReadOnlyMemory":
                case "Memory":
                case "Guid":
                    return true;
                default:
                    return false;
            }
        }

        private static IOperation WithoutConversions(IOperation value)
        {
            while (value is IConversionOperation conversion)
            {
                value = conversion.Operand;
            }

            return value;
        }

        /// <summary>How the message names the value: its source text when short and free of literals, else its member name.</summary>
        private static string Describe(IOperation credential)
        {
            var syntax = credential.Syntax;
            var text = syntax.ToString();
            if (text.Length <= 60 && text.IndexOf('\n') < 0 && !ContainsLiteral(syntax))
            {
                return text;
            }

            switch (credential)
            {
                case IPropertyReferenceOperation property when property.Property.IsIndexer:
                    return "a value read with a credential-named key";
                case IPropertyReferenceOperation property:
                    return property.Property.Name;
                case IInvocationOperation invocation:
                    return invocation.TargetMethod.Name + "(…)";
                default:
                    return "a credential-named value";
            }
        }

        private static bool ContainsLiteral(SyntaxNode syntax)
        {
            foreach (var token in syntax.DescendantTokens())
            {
                if (token.IsKind(SyntaxKind.StringLiteralToken) || token.IsKind(SyntaxKind.InterpolatedStringTextToken)
                    || token.IsKind(SyntaxKind.CharacterLiteralToken) || token.IsKind(SyntaxKind.NumericLiteralToken))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The calls that write their arguments to a log, resolved once per compilation.</summary>
        private sealed class Sinks
        {
            private readonly INamedTypeSymbol? _logger;
            private readonly INamedTypeSymbol? _loggerExtensions;
            private readonly INamedTypeSymbol? _loggerMessageAttribute;
            private readonly INamedTypeSymbol? _console;
            private readonly INamedTypeSymbol? _textWriter;
            private readonly INamedTypeSymbol? _trace;
            private readonly INamedTypeSymbol? _headerDictionary;
            private readonly INamedTypeSymbol?[] _libraryLoggers;

            public Sinks(INamedTypeSymbol? logger, INamedTypeSymbol? loggerExtensions, INamedTypeSymbol? loggerMessageAttribute, INamedTypeSymbol? console,
                INamedTypeSymbol? textWriter, INamedTypeSymbol? trace, INamedTypeSymbol? headerDictionary, INamedTypeSymbol?[] libraryLoggers)
            {
                _libraryLoggers = libraryLoggers;
                _logger = logger;
                _loggerExtensions = loggerExtensions;
                _loggerMessageAttribute = loggerMessageAttribute;
                _console = console;
                _textWriter = textWriter;
                _trace = trace;
                _headerDictionary = headerDictionary;
            }

            /// <summary>The logger the entry goes to and the exception logged with it are not values written by the caller.</summary>
            public bool IsLoggerOrException(ITypeSymbol? type)
            {
                if (type is null || type.IsValueType)
                {
                    return false;
                }

                if (Is(type as INamedTypeSymbol, _logger))
                {
                    return true;
                }

                foreach (var implemented in type.AllInterfaces)
                {
                    if (Is(implemented, _logger))
                    {
                        return true;
                    }
                }

                for (var current = type; current != null; current = current.BaseType)
                {
                    if (current.Name == "Exception" && current.ContainingNamespace?.Name == "System")
                    {
                        return true;
                    }
                }

                return false;
            }

            public bool IsHeaderDictionary(INamedTypeSymbol? type)
                => _headerDictionary != null && SymbolEqualityComparer.Default.Equals(type, _headerDictionary);

            /// <summary>The name the message gives the call when it writes its arguments to a log; null for any other call.</summary>
            public string? SinkName(IInvocationOperation invocation)
            {
                var method = invocation.TargetMethod;
                var name = method.Name;
                var declaringType = (method.ReducedFrom ?? method).ContainingType?.OriginalDefinition;

                if (method.MethodKind == MethodKind.DelegateInvoke)
                {
                    // The Action<ILogger, T1, …, Exception?> LoggerMessage.Define returns.
                    return IsLoggerMessageDelegate(method.ContainingType) ? DelegateName(invocation) : null;
                }

                if (name.StartsWith("Log", StringComparison.Ordinal) || name == "BeginScope")
                {
                    if (Is(declaringType, _loggerExtensions) || Is(declaringType, _logger))
                    {
                        return name;
                    }
                }

                if (name.StartsWith("Write", StringComparison.Ordinal))
                {
                    if (Is(declaringType, _console))
                    {
                        return "Console." + name;
                    }

                    // Console.Out.WriteLine(…), Console.Error.Write(…)
                    if (Is(declaringType, _textWriter) && invocation.Instance is IPropertyReferenceOperation stream && Is(stream.Property.ContainingType, _console))
                    {
                        return "Console." + stream.Property.Name + "." + name;
                    }
                }

                // Serilog's ILogger and static Log, NLog's Logger: their level methods and Write/Log.
                if (IsLibraryLevelMethod(name))
                {
                    foreach (var library in _libraryLoggers)
                    {
                        if (Is(declaringType, library))
                        {
                            return name;
                        }
                    }
                }

                // Trace is [Conditional("TRACE")], on in Release builds. Debug is [Conditional("DEBUG")]: Development-only, not a sink.
                if ((name.StartsWith("Write", StringComparison.Ordinal) || name.StartsWith("Trace", StringComparison.Ordinal)) && Is(declaringType, _trace))
                {
                    return "Trace." + name;
                }

                return HasLoggerMessageAttribute(method) ? name : null;
            }

            private static bool IsLibraryLevelMethod(string name) => IsLevelMethod(name) || name == "Write" || name == "Log";

            private bool HasLoggerMessageAttribute(IMethodSymbol method)
            {
                if (_loggerMessageAttribute is null || !(method.IsPartialDefinition || method.PartialDefinitionPart != null))
                {
                    return false;
                }

                foreach (var attribute in (method.PartialDefinitionPart ?? method).GetAttributes())
                {
                    if (Is(attribute.AttributeClass, _loggerMessageAttribute))
                    {
                        return true;
                    }
                }

                return false;
            }

            private bool IsLoggerMessageDelegate(INamedTypeSymbol? type)
                => type != null
                    && type.Name == "Action"
                    && type.TypeArguments.Length >= 2
                    && type.ContainingNamespace?.Name == "System"
                    && Is(type.TypeArguments[0] as INamedTypeSymbol, _logger);

            private static string DelegateName(IInvocationOperation invocation)
            {
                switch (invocation.Instance)
                {
                    case IFieldReferenceOperation field: return field.Field.Name;
                    case ILocalReferenceOperation local: return local.Local.Name;
                    case IPropertyReferenceOperation property: return property.Property.Name;
                    case IParameterReferenceOperation parameter: return parameter.Parameter.Name;
                    default: return "LoggerMessage.Define";
                }
            }

            private static bool Is(INamedTypeSymbol? type, INamedTypeSymbol? expected)
                => expected != null && SymbolEqualityComparer.Default.Equals(type, expected);
        }
    }
}
