using Bitrix24.Generator.Naming;
using Bitrix24.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Bitrix24.Generator.Tests;

/// <summary>
/// The generator keeps scope properties off the names of the hand-written members of
/// <c>Bitrix24Client</c> and <c>Bitrix24Batch</c>. Those lists are written by hand too, so this compares
/// them with the runtime's real public members: adding a member to either class without listing it fails here.
/// </summary>
public sealed class ReservedNamesTests
{
    [Theory]
    [InlineData("Bitrix24.Bitrix24Client")]
    [InlineData("Bitrix24.Bitrix24Batch")]
    public void Every_public_hand_written_member_is_reserved(string typeName)
    {
        var (output, _, _) = GeneratorHarness.CompileSdk(RepositoryFiles.RealSpecs());
        INamedTypeSymbol type = output.GetTypeByMetadataName(typeName)!;
        HashSet<string> reserved = typeName.EndsWith("Client", StringComparison.Ordinal) ? RuntimeNames.ClientMembers : RuntimeNames.BatchMembers;

        // Members declared in the runtime's own files; generated files (scope properties) are not hand-written.
        var handWritten = type.GetMembers()
            .Where(m => m.DeclaredAccessibility == Accessibility.Public && !m.IsImplicitlyDeclared && m is not IMethodSymbol { MethodKind: MethodKind.Constructor or MethodKind.PropertyGet or MethodKind.PropertySet })
            .Where(m => m.DeclaringSyntaxReferences.All(r => r.SyntaxTree.FilePath.StartsWith("src/", StringComparison.Ordinal)))
            .Select(m => m.Name)
            .Distinct()
            .ToList();

        Assert.NotEmpty(handWritten);
        Assert.All(handWritten, name => Assert.Contains(name, reserved));
    }
}
