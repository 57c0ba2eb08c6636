using System.Collections.Immutable;
using Kfp.Compiler.IO;

namespace Kfp.Compiler.Sources;

/// <summary>
/// Reads a request's source into a <see cref="SourceSnapshot"/>: a file (with, for external frameworks, the files
/// beside it with the same extension, e.g. imported Python modules), or a directory (every file, bounded) and its entry point.
/// </summary>
internal static class SourceReader
{
    /// <summary>Entry files tried, in order, when a directory source names none.</summary>
    public static readonly IReadOnlyList<string> DefaultEntryPoints = ["pipeline.py", "__main__.py", "pipeline.yaml", "pipeline.yml", "pipeline.json"];

    public const int MaxFiles = 5_000;

    public const long MaxBytes = 64L * 1024 * 1024;

    public static SourceSnapshot Read(IFileSystem files, SourceContents contents, CompileRequest request, string sourcePath, bool external, CancellationToken cancellationToken)
    {
        if (files.DirectoryExists(sourcePath))
        {
            return ReadDirectory(files, contents, request, sourcePath, cancellationToken);
        }

        if (!files.FileExists(sourcePath))
        {
            throw Fail(request, $"the source '{sourcePath}' does not exist; check the path (relative paths are resolved from '{request.BaseDirectory ?? "the current directory"}').");
        }

        if (request.EntryPoint is not null)
        {
            throw Fail(request, $"entryPoint '{request.EntryPoint}' is set but the source '{sourcePath}' is a file; point source at the package directory, or drop entryPoint.");
        }

        var root = Path.GetDirectoryName(sourcePath)!;
        var entry = contents.Read(sourcePath, cancellationToken);
        var list = ImmutableArray.CreateBuilder<SourceFile>();
        list.Add(Describe(root, sourcePath, entry));
        if (external)
        {
            foreach (var sibling in files.FilesWithExtension(root, Path.GetExtension(sourcePath)).Where(f => f != sourcePath))
            {
                list.Add(Describe(root, sibling, contents.Read(sibling, cancellationToken)));
            }
        }

        return new SourceSnapshot(root, sourcePath, false, entry.Bytes, [.. list.OrderBy(f => f.RelativePath, StringComparer.Ordinal)]);
    }

    private static SourceSnapshot ReadDirectory(IFileSystem files, SourceContents contents, CompileRequest request, string root, CancellationToken cancellationToken)
    {
        var entryPath = EntryPath(files, request, root);
        var paths = files.FilesUnder(root, SourceExcludes.EntersDirectory).Where(p => SourceExcludes.IncludesFile(Path.GetFileName(p))).ToList();
        if (paths.Count > MaxFiles)
        {
            throw Fail(request, $"the source directory '{root}' holds {paths.Count} files, more than {MaxFiles}; point source at the pipeline's package, not a whole repository.");
        }

        var list = ImmutableArray.CreateBuilder<SourceFile>(paths.Count);
        byte[]? entry = null;
        long total = 0;
        foreach (var path in paths)
        {
            var content = contents.Read(path, cancellationToken);
            total += content.Bytes.Length;
            if (total > MaxBytes)
            {
                throw Fail(request, $"the source directory '{root}' holds more than {MaxBytes / (1024 * 1024)} MiB; point source at the pipeline's package, not data or build output.");
            }

            entry = path == entryPath ? content.Bytes : entry;
            list.Add(Describe(root, path, content));
        }

        entry ??= contents.Read(entryPath, cancellationToken).Bytes;
        return new SourceSnapshot(root, entryPath, true, entry, [.. list.OrderBy(f => f.RelativePath, StringComparer.Ordinal)]);
    }

    private static string EntryPath(IFileSystem files, CompileRequest request, string root)
    {
        if (request.EntryPoint is { } named)
        {
            var full = Path.GetFullPath(named, root);
            var relative = Path.GetRelativePath(root, full);
            if (Path.IsPathRooted(named) || relative.StartsWith("..", StringComparison.Ordinal))
            {
                throw Fail(request, $"entryPoint '{named}' must be a path inside the source directory '{root}', relative to it (e.g. 'pipeline.py').");
            }

            return files.FileExists(full)
                ? full
                : throw Fail(request, $"entryPoint '{named}' does not exist in the source directory '{root}'; set it to the file that defines the pipeline.");
        }

        return DefaultEntryPoints.Select(e => Path.Combine(root, e)).FirstOrDefault(files.FileExists)
            ?? throw Fail(request, $"the source directory '{root}' has none of {string.Join(", ", DefaultEntryPoints)}; set entryPoint to the file that defines the pipeline.");
    }

    private static SourceFile Describe(string root, string path, SourceContent content) =>
        new(Path.GetRelativePath(root, path).Replace('\\', '/'), path, content.Bytes.Length, content.Sha256);

    private static PipelineCompileException Fail(CompileRequest request, string message) =>
        new(request.Source, request.ExternalFramework?.Name ?? request.Framework ?? "(none)", [new CompileProblem(string.Empty, message)]);
}
