using System.Reflection;
using Bitrix24.Generator.Naming;
using Bitrix24.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Bitrix24.Generator.Tests;

/// <summary>
/// The names generated code must stay off are written by hand in the generator
/// (<see cref="RuntimeNames"/>, <see cref="CSharpMemberNames"/>). These tests derive each list from
/// the real thing (the compiled runtime, <c>System.Object</c>, <c>System.Enum</c>) and fail when the
/// runtime gains or loses a name, saying which to add or remove.
/// </summary>
public sealed class ReservedNamesTests
{
    private static readonly Lazy<Compilation> Sdk = new(() => GeneratorHarness.CompileSdk(RepositoryFiles.RealSpecs()).Output);

    [Theory]
    [InlineData("Bitrix24.Bitrix24Client")]
    [InlineData("Bitrix24.Bitrix24Batch")]
    public void Every_member_of_the_client_and_the_batch_is_reserved(string typeName)
    {
        INamedTypeSymbol type = Sdk.Value.GetTypeByMetadataName(typeName)!;
        HashSet<string> reserved = typeName.EndsWith("Client", StringComparison.Ordinal) ? RuntimeNames.ClientMembers : RuntimeNames.BatchMembers;

        // Members declared in the runtime's own files, of any accessibility (a private one clashes too); scope properties are generated.
        var handWritten = type.GetMembers()
            .Where(m => !m.IsImplicitlyDeclared && m is not IMethodSymbol { MethodKind: MethodKind.Constructor or MethodKind.PropertyGet or MethodKind.PropertySet })
            .Where(m => m.DeclaringSyntaxReferences.All(r => r.SyntaxTree.FilePath.StartsWith("src/", StringComparison.Ordinal)))
            .Select(m => m.Name)
            .Concat(CSharpMemberNames.Object);

        AssertSameNames(handWritten, reserved, "RuntimeNames." + (reserved == RuntimeNames.ClientMembers ? "ClientMembers" : "BatchMembers"));
    }

    [Fact]
    public void Every_type_in_namespace_Bitrix24_is_reserved()
    {
        INamespaceSymbol root = Sdk.Value.GlobalNamespace.GetNamespaceMembers().Single(n => n.Name == "Bitrix24");

        AssertSameNames(root.GetTypeMembers().Select(t => t.Name), RuntimeNames.Types, "RuntimeNames.Types");
    }

    /// <summary>
    /// Every type or namespace outside Bitrix24 that the runtime's code (and the logging code generated
    /// from it) names by a simple name, in code or in a doc comment: name lookup from there passes
    /// through namespace Bitrix24 (and the client's and batch's members) first, where a scope could stand.
    /// </summary>
    [Fact]
    public void Every_framework_name_the_runtime_looks_up_from_namespace_Bitrix24_is_reserved()
    {
        var looked = new List<string>();
        foreach (SyntaxTree tree in Sdk.Value.SyntaxTrees.Where(t => t.FilePath.StartsWith("src/", StringComparison.Ordinal) || t.FilePath.Contains("LoggerMessage", StringComparison.Ordinal)))
        {
            SemanticModel model = Sdk.Value.GetSemanticModel(tree);
            foreach (IdentifierNameSyntax name in tree.GetRoot().DescendantNodes(descendIntoTrivia: true).OfType<IdentifierNameSyntax>())
            {
                bool qualified = name.Parent is QualifiedNameSyntax q && q.Right == name
                    || name.Parent is MemberAccessExpressionSyntax m && m.Name == name
                    || name.Parent is AliasQualifiedNameSyntax
                    || name.Ancestors().Any(a => a is UsingDirectiveSyntax);
                SymbolInfo info = model.GetSymbolInfo(name);
                ISymbol? symbol = info.Symbol ?? info.CandidateSymbols.FirstOrDefault();
                if (qualified || name.IsVar || symbol is not INamespaceOrTypeSymbol || symbol is ITypeParameterSymbol)
                {
                    continue;
                }

                string ns = (symbol as INamespaceSymbol ?? symbol.ContainingNamespace).ToDisplayString();
                if (ns != "Bitrix24" && !ns.StartsWith("Bitrix24.", StringComparison.Ordinal))
                {
                    looked.Add(name.Identifier.Text);
                }
            }
        }

        Assert.Contains("Uri", looked);
        AssertSameNames(looked, RuntimeNames.ResolvedBySimpleName, "RuntimeNames.ResolvedBySimpleName");
    }

    [Fact]
    public void The_members_of_object_are_reserved()
    {
        AssertSameNames(MemberNames(typeof(object)), CSharpMemberNames.Object, "CSharpMemberNames.Object");
    }

    [Fact]
    public void The_members_of_every_enum_are_reserved()
    {
        AssertSameNames(MemberNames(typeof(Enum)).Concat(MemberNames(typeof(ValueType))).Append("value__"), CSharpMemberNames.Enum, "CSharpMemberNames.Enum");
    }

    /// <summary>Public and protected members, instance and static, declared by the type or inherited.</summary>
    private static IEnumerable<string> MemberNames(Type type) =>
        type.GetMembers(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.FlattenHierarchy)
            .Where(m => m is not ConstructorInfo && !(m is MethodInfo { IsSpecialName: true }))
            .Where(m => m switch
            {
                MethodInfo method => method.IsPublic || method.IsFamily || method.IsFamilyOrAssembly,
                PropertyInfo property => property.GetMethod is { } get && (get.IsPublic || get.IsFamily),
                FieldInfo field => field.IsPublic || field.IsFamily,
                _ => false,
            })
            .Where(m => !m.Name.Contains('.', StringComparison.Ordinal))
            .Select(m => m.Name);

    private static void AssertSameNames(IEnumerable<string> actual, HashSet<string> listed, string list)
    {
        var names = actual.ToHashSet(StringComparer.Ordinal);
        var missing = names.Except(listed).Order(StringComparer.Ordinal).ToList();
        var stale = listed.Except(names).Order(StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0 && stale.Count == 0,
            $"{list} differs from the real names. Add: {string.Join(", ", missing)}. Remove: {string.Join(", ", stale)}.");
    }
}
