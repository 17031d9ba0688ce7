namespace Bitrix24.Generated.Tests.Infrastructure;

/// <summary>The checkout the tests run from, found by walking up to the solution file.</summary>
public static class RepositoryRoot
{
    private static readonly Lazy<string> s_path = new(Find);

    public static string Path => s_path.Value;

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
