namespace Bitrix24.Tests.Shared;

/// <summary>The checkout the tests were built from, found by walking up to the solution file.</summary>
internal static class RepositoryRoot
{
    private static readonly Lazy<string> s_path = new(Find);

    /// <summary>The repository's root folder.</summary>
    public static string Path => s_path.Value;

    /// <summary>A path below the root, from '/'-separated parts (<c>"spec/errors.yaml"</c>).</summary>
    public static string Combine(string relative) => System.IO.Path.Combine(Path, relative.Replace('/', System.IO.Path.DirectorySeparatorChar));

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Bitrix24.Generated.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Bitrix24.Generated.sln not found above " + AppContext.BaseDirectory);
    }
}
