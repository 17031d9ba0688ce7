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

        return new ReferencedApi(hasRuntime, methods.ToEquatableArray(), types.ToEquatableArray()) { DefaultUsingTypes = ReadDefaultUsingTypes(compilation, cancellationToken) };
    }

    /// <summary>
    /// The namespaces a .NET app imports by default: <c>ImplicitUsings</c> of a console or library
    /// project, and those a web or worker project adds when it references ASP.NET Core or the host.
    /// </summary>
    private static readonly string[] DefaultUsings =
    {
        "System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Threading", "System.Threading.Tasks",
        "System.Net.Http.Json", "Microsoft.AspNetCore.Builder", "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Http",
        "Microsoft.AspNetCore.Routing", "Microsoft.Extensions.Configuration", "Microsoft.Extensions.DependencyInjection",
        "Microsoft.Extensions.Hosting", "Microsoft.Extensions.Logging",
    };

    /// <summary>The public types of <see cref="DefaultUsings"/> in the references, by simple name (sorted, so the value compares equal across runs).</summary>
    public static EquatableArray<ReferencedName> ReadDefaultUsingTypes(Compilation compilation, CancellationToken cancellationToken)
    {
        var names = new SortedDictionary<string, string>(System.StringComparer.Ordinal);
        foreach (string ns in DefaultUsings)
        {
            cancellationToken.ThrowIfCancellationRequested();
            INamespaceSymbol? symbol = compilation.GlobalNamespace;
            foreach (string part in ns.Split('.'))
            {
                symbol = symbol?.GetNamespaceMembers().FirstOrDefaultNamed(part);
            }

            if (symbol is null)
            {
                continue;
            }

            foreach (INamedTypeSymbol type in symbol.GetTypeMembers())
            {
                if (type.DeclaredAccessibility == Accessibility.Public && !SymbolEqualityComparer.Default.Equals(type.ContainingAssembly, compilation.Assembly)
                    && !names.ContainsKey(type.Name))
                {
                    names[type.Name] = ns + "." + type.Name;
                }
            }
        }

        var result = new List<ReferencedName>(names.Count);
        foreach (var pair in names)
        {
            result.Add(new ReferencedName(pair.Key, pair.Value));
        }

        return result.ToEquatableArray();
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
