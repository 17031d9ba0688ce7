namespace Bitrix24.Cli.Tests.Infrastructure;

/// <summary>Finds the repository the tests were built from.</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Bitrix24.Generated.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Bitrix24.Generated.sln not found above " + AppContext.BaseDirectory);
    }
}
