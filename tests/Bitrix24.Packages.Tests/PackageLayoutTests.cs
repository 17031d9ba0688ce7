using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Xml.Linq;
using Bitrix24.Tests.Shared;

namespace Bitrix24.Packages.Tests;

/// <summary>What is inside each package, checked file by file.</summary>
[Collection(PackedFeedCollection.Name)]
public sealed class PackageLayoutTests(PackedFeed feed)
{
    private const string Sdk = "Bitrix24.Generated";
    private const string Generator = "Bitrix24.Generated.Generator";
    private const string Emulator = "Bitrix24.Generated.Emulator";

    [Fact]
    public void TheFeed_HoldsExactlyTheThreePackages_AndTheSymbolPackagesOfTheLibraries()
    {
        Assert.Equal(
            [$"{Sdk}.0.1.0.nupkg", $"{Sdk}.0.1.0.snupkg", $"{Emulator}.0.1.0.nupkg", $"{Emulator}.0.1.0.snupkg", $"{Generator}.0.1.0.nupkg"],
            Directory.GetFiles(feed.Folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Sdk_HasBothFrameworks_WithDocs_AndTheGeneratedCodeCompiledIn_ButNoGenerator()
    {
        Assert.Equal(
            [$"{Sdk}.nuspec", "README.md",
             "lib/net10.0/Bitrix24.Generated.dll", "lib/net10.0/Bitrix24.Generated.xml",
             "lib/net8.0/Bitrix24.Generated.dll", "lib/net8.0/Bitrix24.Generated.xml"],
            feed.Entries(Sdk));

        using var assembly = Open(feed.Read(Sdk, "lib/net8.0/Bitrix24.Generated.dll"));
        MetadataReader metadata = assembly.GetMetadataReader();
        var types = metadata.TypeDefinitions.Select(t => metadata.GetString(metadata.GetTypeDefinition(t).Namespace) + "." + metadata.GetString(metadata.GetTypeDefinition(t).Name)).ToHashSet();
        Assert.Contains("Bitrix24.ImOpenLines.ImOpenLinesBotSessionMessageSendRequest", types);
        Assert.Contains("Bitrix24.Bitrix24ErrorCode", types);

        string xml = System.Text.Encoding.UTF8.GetString(feed.Read(Sdk, "lib/net8.0/Bitrix24.Generated.xml"));
        Assert.Contains("M:Bitrix24.ImOpenLines.ImOpenLinesBotSessionMessageApi.SendAsync", xml, StringComparison.Ordinal);
    }

    [Fact]
    public void Sdk_DependsOnlyOnMicrosoftPackages_OnTheEightLine()
    {
        XNamespace ns = feed.Nuspec(Sdk).Name.Namespace;
        var groups = feed.Nuspec(Sdk).Descendants(ns + "group").ToList();
        Assert.Equal(["net10.0", "net8.0"], groups.Select(g => (string)g.Attribute("targetFramework")!).Order(StringComparer.Ordinal));
        var dependencies = groups.SelectMany(g => g.Elements(ns + "dependency")).ToList();
        Assert.NotEmpty(dependencies);
        Assert.All(dependencies, d =>
        {
            string id = (string)d.Attribute("id")!;
            Assert.True(id.StartsWith("Microsoft.Extensions.", StringComparison.Ordinal) || id == "System.Threading.RateLimiting", id);
            Assert.StartsWith("8.0.", (string)d.Attribute("version")!, StringComparison.Ordinal);
        });
        Assert.Equal("README.md", (string?)feed.Nuspec(Sdk).Descendants(ns + "readme").SingleOrDefault());
    }

    [Fact]
    public void Sdk_SymbolPackage_HasThePdbOfEachFramework()
    {
        Assert.Equal(
            ["lib/net10.0/Bitrix24.Generated.pdb", "lib/net8.0/Bitrix24.Generated.pdb"],
            feed.Entries(Sdk, "snupkg").Where(e => e.StartsWith("lib/", StringComparison.Ordinal)));
    }

    [Fact]
    public void Generator_IsADevelopmentDependency_WithYamlDotNetBesideIt_AndNoDependencies()
    {
        Assert.Equal(
            [$"{Generator}.nuspec", "README.md",
             "analyzers/dotnet/cs/Bitrix24.Generator.dll", "analyzers/dotnet/cs/YamlDotNet.dll",
             "build/Bitrix24.Generated.Generator.props", "build/Bitrix24.Generated.Generator.targets", "build/spec/naming.yaml"],
            feed.Entries(Generator));

        XElement nuspec = feed.Nuspec(Generator);
        XNamespace ns = nuspec.Name.Namespace;
        Assert.Equal("true", (string?)nuspec.Descendants(ns + "developmentDependency").SingleOrDefault());
        Assert.Empty(nuspec.Descendants(ns + "dependency"));
        Assert.Empty(nuspec.Descendants(ns + "dependencies").Elements());
    }

    [Fact]
    public void Generator_IsBuiltAgainstRoslyn48_SoTheDotNet8SdksCompilerLoadsIt()
    {
        // A generator built against a newer Roslyn than the running compiler is not loaded (CS9057);
        // 4.8 is the compiler of the .NET 8 SDK, the oldest SDK that can build a net8.0 app.
        using var assembly = Open(feed.Read(Generator, "analyzers/dotnet/cs/Bitrix24.Generator.dll"));
        MetadataReader metadata = assembly.GetMetadataReader();
        var references = metadata.AssemblyReferences.Select(metadata.GetAssemblyReference)
            .ToDictionary(r => metadata.GetString(r.Name), r => r.Version);

        Assert.Equal(new Version(4, 8, 0, 0), references["Microsoft.CodeAnalysis"]);
        Assert.Equal(new Version(4, 8, 0, 0), references["Microsoft.CodeAnalysis.CSharp"]);
        Assert.True(references.ContainsKey("YamlDotNet"));
        Assert.Equal(".NETStandard,Version=v2.0", TargetFramework(metadata));
    }

    [Fact]
    public void Generator_HandsTheAppsSpecFolderAndTheSdksNamingWordsToTheCompiler()
    {
        string targets = System.Text.Encoding.UTF8.GetString(feed.Read(Generator, "build/Bitrix24.Generated.Generator.targets"));
        string props = System.Text.Encoding.UTF8.GetString(feed.Read(Generator, "build/Bitrix24.Generated.Generator.props"));
        string naming = System.Text.Encoding.UTF8.GetString(feed.Read(Generator, "build/spec/naming.yaml"));

        Assert.Contains("$(MSBuildProjectDirectory)/spec/", props, StringComparison.Ordinal);
        Assert.Contains("<CompilerVisibleProperty Include=\"Bitrix24ClientAccessor\" />", props, StringComparison.Ordinal);
        Assert.Contains("Bitrix24Spec=\"true\"", targets, StringComparison.Ordinal);
        Assert.Equal(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "spec/naming.yaml")), naming);
    }

    [Fact]
    public void Emulator_HasBothFrameworks_NeedsAspNetCore_AndNoBitrix24Dependency()
    {
        Assert.Equal(
            [$"{Emulator}.nuspec", "README.md",
             "lib/net10.0/Bitrix24.Emulator.dll", "lib/net10.0/Bitrix24.Emulator.xml",
             "lib/net8.0/Bitrix24.Emulator.dll", "lib/net8.0/Bitrix24.Emulator.xml"],
            feed.Entries(Emulator));

        XElement nuspec = feed.Nuspec(Emulator);
        XNamespace ns = nuspec.Name.Namespace;
        Assert.Empty(nuspec.Descendants(ns + "dependency"));
        Assert.Equal(
            ["Microsoft.AspNetCore.App", "Microsoft.AspNetCore.App"],
            nuspec.Descendants(ns + "frameworkReference").Select(f => (string)f.Attribute("name")!));
    }

    private static PEReader Open(byte[] image) => new(new MemoryStream(image));

    private static string? TargetFramework(MetadataReader metadata) =>
        metadata.GetAssemblyDefinition().GetCustomAttributes()
            .Select(metadata.GetCustomAttribute)
            .Where(a => a.Constructor.Kind == HandleKind.MemberReference)
            .Where(a =>
            {
                var ctor = metadata.GetMemberReference((MemberReferenceHandle)a.Constructor);
                return ctor.Parent.Kind == HandleKind.TypeReference
                    && metadata.GetString(metadata.GetTypeReference((TypeReferenceHandle)ctor.Parent).Name) == "TargetFrameworkAttribute";
            })
            .Select(a => a.DecodeValue(new StringOnlyDecoder()).FixedArguments[0].Value as string)
            .SingleOrDefault();

    /// <summary>Decodes attributes whose arguments are strings, which is all TargetFrameworkAttribute has.</summary>
    private sealed class StringOnlyDecoder : ICustomAttributeTypeProvider<Type>
    {
        public Type GetPrimitiveType(PrimitiveTypeCode typeCode) => typeCode == PrimitiveTypeCode.String ? typeof(string) : typeof(object);
        public Type GetSystemType() => typeof(Type);
        public Type GetSZArrayType(Type elementType) => elementType.MakeArrayType();
        public Type GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) => typeof(object);
        public Type GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) => typeof(object);
        public Type GetTypeFromSerializedName(string name) => typeof(object);
        public PrimitiveTypeCode GetUnderlyingEnumType(Type type) => PrimitiveTypeCode.Int32;
        public bool IsSystemType(Type type) => type == typeof(Type);
    }
}
