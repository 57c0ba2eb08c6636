namespace Kfp.Compiler.Tests;

/// <summary>Access to the fixture files copied next to the test assembly.</summary>
internal static class TestFiles
{
    public static string Root => Path.Combine(AppContext.BaseDirectory, "TestData");

    public static string PathOf(string relative) => Path.Combine(Root, relative);

    public static string Read(string relative) => File.ReadAllText(PathOf(relative));

    public static TheoryData<string> Names(string folder, string pattern = "*.yaml")
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(PathOf(folder), pattern).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    public static IrDocument Load(string relative) => IrLoader.Load(Read(relative), relative);
}
