using Bitrix24.Generator.Collections;
using Microsoft.CodeAnalysis;

namespace Bitrix24.Generator.Diagnostics;

/// <summary>
/// A diagnostic as a value: descriptor, position and message arguments already turned into
/// strings, so two runs that find the same problem produce equal data (Roslyn's
/// <see cref="Diagnostic"/> is not meant to be cached between runs).
/// </summary>
internal sealed record DiagnosticInfo(DiagnosticDescriptor Descriptor, SpecLocation Location, EquatableArray<string> Arguments)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, SpecLocation location, params string[] arguments) =>
        new(descriptor, location, new EquatableArray<string>(arguments));

    public Diagnostic ToDiagnostic()
    {
        object[] arguments = new object[Arguments.Count];
        for (int i = 0; i < arguments.Length; i++)
        {
            arguments[i] = Arguments[i];
        }

        return Diagnostic.Create(Descriptor, Location.ToLocation(), arguments);
    }
}
