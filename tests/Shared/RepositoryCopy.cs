namespace Bitrix24.Tests.Shared;

/// <summary>
/// A throw-away copy of part of the repository in a temp folder, for tests that change specs and run
/// a real build. Build output (<c>bin/</c>, <c>obj/</c>) is left behind; the copy is deleted on dispose.
/// </summary>
internal sealed class RepositoryCopy : IDisposable
{
    private static readonly string[] RootFiles = ["global.json", "Directory.Build.props", "Directory.Packages.props"];

    private RepositoryCopy(string path) => Path = path;

    /// <summary>The copy's root folder.</summary>
    public string Path { get; }

    /// <summary>Copies the root build files and <paramref name="folders"/> ('/'-separated, relative to the root).</summary>
    public static RepositoryCopy Create(string prefix, params string[] folders)
    {
        var copy = new RepositoryCopy(Directory.CreateTempSubdirectory(prefix).FullName);
        foreach (string file in RootFiles)
        {
            File.Copy(RepositoryRoot.Combine(file), System.IO.Path.Combine(copy.Path, file));
        }

        foreach (string folder in folders)
        {
            CopyTree(RepositoryRoot.Combine(folder), copy.Combine(folder));
        }

        return copy;
    }

    /// <summary>A path inside the copy, from '/'-separated parts.</summary>
    public string Combine(string relative) => System.IO.Path.Combine(Path, relative.Replace('/', System.IO.Path.DirectorySeparatorChar));

    /// <summary>Writes a file inside the copy, creating its folder.</summary>
    public void WriteFile(string relative, string text)
    {
        string file = Combine(relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file)!);
        File.WriteAllText(file, text);
    }

    /// <summary>Deletes the copy.</summary>
    public void Dispose() => Directory.Delete(Path, recursive: true);

    private static void CopyTree(string from, string to)
    {
        foreach (string file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            string relative = System.IO.Path.GetRelativePath(from, file).Replace('\\', '/');
            if (relative.StartsWith("bin/", StringComparison.Ordinal) || relative.StartsWith("obj/", StringComparison.Ordinal))
            {
                continue;
            }

            string target = System.IO.Path.Combine(to, relative);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
