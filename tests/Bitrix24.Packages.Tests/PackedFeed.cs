using System.IO.Compression;
using System.Xml.Linq;
using Bitrix24.Tests.Shared;

namespace Bitrix24.Packages.Tests;

/// <summary>
/// The three packages, packed once per test run from a copy of the repository (so the working
/// tree's bin/ and obj/ are never touched) into a temporary folder used as a NuGet feed.
/// </summary>
public sealed class PackedFeed : IAsyncLifetime
{
    public const string Version = "0.1.0";

    /// <summary>What is packed, as <c>dotnet pack Bitrix24.Generated.sln</c> packs it (the other projects are not packable).</summary>
    private static readonly string[] PackableProjects =
        ["src/Bitrix24.Generated", "generator/Bitrix24.Generator", "src/Bitrix24.Emulator"];

    private RepositoryCopy? _repository;

    /// <summary>The folder holding the .nupkg and .snupkg files.</summary>
    public string Folder { get; private set; } = "";

    public async Task InitializeAsync()
    {
        _repository = RepositoryCopy.Create("b24-pack-", "spec", "generator/Bitrix24.Generator", "src/Bitrix24.Generated", "src/Bitrix24.Emulator");
        Folder = _repository.Combine("feed");
        foreach (string project in PackableProjects)
        {
            DotnetRun pack = await DotnetProcess.RunAsync(
                _repository.Path,
                ["pack", project, "-c", "Release", "-o", Folder, "-nodeReuse:false", "-v:q", "-clp:NoSummary"],
                TimeSpan.FromMinutes(10));
            if (pack.ExitCode != 0)
            {
                throw new InvalidOperationException($"dotnet pack {project} failed:\n{pack}");
            }
        }
    }

    public Task DisposeAsync()
    {
        _repository?.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>Writes a nuget.config into <paramref name="appFolder"/>: this feed, then the machine's usual sources for Microsoft's packages.</summary>
    public void WriteNuGetConfig(string appFolder) => File.WriteAllText(Path.Combine(appFolder, "nuget.config"), $"""
        <?xml version="1.0" encoding="utf-8"?>
        <configuration>
          <packageSources>
            <add key="bitrix24-packed" value="{Folder}" />
          </packageSources>
        </configuration>
        """);

    public string PackagePath(string id, string extension = "nupkg") => Path.Combine(Folder, $"{id}.{Version}.{extension}");

    /// <summary>The entries of a package, '/'-separated, without NuGet's own bookkeeping files.</summary>
    public IReadOnlyList<string> Entries(string id, string extension = "nupkg")
    {
        using ZipArchive zip = ZipFile.OpenRead(PackagePath(id, extension));
        return zip.Entries.Select(e => e.FullName)
            .Where(name => !name.StartsWith("_rels/", StringComparison.Ordinal) && !name.StartsWith("package/", StringComparison.Ordinal) && name != "[Content_Types].xml")
            .OrderBy(name => name, StringComparer.Ordinal)
            .ToList();
    }

    public XElement Nuspec(string id)
    {
        using ZipArchive zip = ZipFile.OpenRead(PackagePath(id));
        using Stream stream = zip.GetEntry(id + ".nuspec")!.Open();
        return XDocument.Load(stream).Root!;
    }

    public byte[] Read(string id, string entry)
    {
        using ZipArchive zip = ZipFile.OpenRead(PackagePath(id));
        using Stream stream = zip.GetEntry(entry)!.Open();
        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        return bytes.ToArray();
    }
}

/// <summary>One feed for every test class that needs it.</summary>
[CollectionDefinition(Name)]
public sealed class PackedFeedCollection : ICollectionFixture<PackedFeed>
{
    public const string Name = "Packed feed";
}
