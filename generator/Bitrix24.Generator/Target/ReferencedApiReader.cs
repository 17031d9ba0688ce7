using System.Collections.Generic;
using System.Threading;
using Bitrix24.Generator.Collections;
using Microsoft.CodeAnalysis;

namespace Bitrix24.Generator.Target;

/// <summary>
/// Reads <see cref="ReferencedApi"/> from the compilation's references. Assemblies made by this
/// generator carry <c>[assembly: Bitrix24GeneratedMethods(...)]</c>; only those are looked into.
/// The result is a small value, so the steps after it re-run only when a reference changes.
/// </summary>
internal static class ReferencedApiReader
{
    public const string RuntimeClient = "Bitrix24.Bitrix24Client";
    public const string MethodsAttribute = "Bitrix24.Bitrix24GeneratedMethodsAttribute";

    public static ReferencedApi Read(Compilation compilation, CancellationToken cancellationToken)
    {
        bool hasRuntime = compilation.GetTypeByMetadataName(RuntimeClient) is not null;
        var methods = new List<ReferencedName>();
        var types = new List<ReferencedName>();
        foreach (IAssemblySymbol assembly in compilation.SourceModule.ReferencedAssemblySymbols)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!ReadMethods(assembly, methods))
            {
                continue;
            }

            INamespaceSymbol? root = assembly.GlobalNamespace.GetNamespaceMembers().FirstOrDefaultNamed("Bitrix24");
            if (root is not null)
            {
                CollectPublicTypes(root, assembly.Name, types);
            }
        }

        return new ReferencedApi(hasRuntime, methods.ToEquatableArray(), types.ToEquatableArray());
    }

    private static bool ReadMethods(IAssemblySymbol assembly, List<ReferencedName> methods)
    {
        bool found = false;
        foreach (AttributeData attribute in assembly.GetAttributes())
        {
            if (attribute.AttributeClass?.ToDisplayString() != MethodsAttribute || attribute.ConstructorArguments.Length != 1)
            {
                continue;
            }

            found = true;
            foreach (TypedConstant name in attribute.ConstructorArguments[0].Values)
            {
                if (name.Value is string method)
                {
                    methods.Add(new ReferencedName(method, assembly.Name));
                }
            }
        }

        return found;
    }

    private static void CollectPublicTypes(INamespaceSymbol ns, string assembly, List<ReferencedName> types)
    {
        foreach (INamedTypeSymbol type in ns.GetTypeMembers())
        {
            if (type.DeclaredAccessibility == Accessibility.Public)
            {
                types.Add(new ReferencedName(type.ToDisplayString(), assembly));
            }
        }

        foreach (INamespaceSymbol child in ns.GetNamespaceMembers())
        {
            CollectPublicTypes(child, assembly, types);
        }
    }

    private static INamespaceSymbol? FirstOrDefaultNamed(this IEnumerable<INamespaceSymbol> namespaces, string name)
    {
        foreach (INamespaceSymbol ns in namespaces)
        {
            if (ns.Name == name)
            {
                return ns;
            }
        }

        return null;
    }
}
