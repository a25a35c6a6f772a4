using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ReadinessAnalyzers.Internals
{
    internal static class Operations
    {
        /// <summary>
        /// The operand without the implicit and explicit conversions around it (string → StringValues, casts, boxing).
        /// C# has no parenthesized operations (parentheses leave no trace in the operation tree), so conversions are all.
        /// </summary>
        public static IOperation? Unwrap(IOperation? operation)
        {
            while (operation is IConversionOperation conversion)
            {
                operation = conversion.Operand;
            }

            return operation;
        }
    }
}
