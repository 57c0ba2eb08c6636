using System.Text;
using System.Text.Json.Nodes;

namespace Kfp.Emulator.Kube.Validation;

/// <summary>ObjectMeta rules shared by every kind: name, labels, annotations, owner references.</summary>
internal static class MetadataValidator
{
    private const int AnnotationsLimit = 256 * 1024;

    public static void Validate(ResourceType type, JsonObject meta, List<FieldError> errors)
    {
        var name = KubeJson.String(meta, "name") ?? "";
        if (name.Length == 0)
        {
            errors.Add(FieldError.Required("metadata.name", "name or generateName is required"));
        }
        else
        {
            var rules = type.Namespaced ? NameRules.Subdomain(name) : NameRules.Label(name);
            errors.AddRange(rules.Select(e => FieldError.Invalid("metadata.name", name, e)));
        }
        if (meta["labels"] is JsonObject labels)
        {
            foreach (var (key, value) in labels)
            {
                errors.AddRange(NameRules.QualifiedName(key).Select(e => FieldError.Invalid("metadata.labels", key, e)));
                var text = value?.GetValue<string>() ?? "";
                errors.AddRange(NameRules.LabelValue(text).Select(e => FieldError.Invalid("metadata.labels", text, e)));
            }
        }
        if (meta["annotations"] is JsonObject annotations)
        {
            var size = 0;
            foreach (var (key, value) in annotations)
            {
                errors.AddRange(NameRules.QualifiedName(key.ToLowerInvariant()).Select(e => FieldError.Invalid("metadata.annotations", key, e)));
                size += Encoding.UTF8.GetByteCount(key) + Encoding.UTF8.GetByteCount(value?.GetValue<string>() ?? "");
            }
            if (size > AnnotationsLimit)
            {
                errors.Add(FieldError.TooLong("metadata.annotations", AnnotationsLimit));
            }
        }
        if (meta["ownerReferences"] is JsonArray owners)
        {
            var controllers = 0;
            for (var i = 0; i < owners.Count; i++)
            {
                var owner = owners[i] as JsonObject;
                foreach (var field in new[] { "apiVersion", "kind", "name", "uid" })
                {
                    if (string.IsNullOrEmpty(KubeJson.String(owner, field)))
                    {
                        errors.Add(FieldError.Required($"metadata.ownerReferences[{i}].{field}", $"{field} must not be empty"));
                    }
                }
                controllers += KubeJson.Bool(owner, "controller") ? 1 : 0;
            }
            if (controllers > 1)
            {
                errors.Add(FieldError.Invalid("metadata.ownerReferences", $"{controllers} controllers", "Only one reference can have Controller set to true"));
            }
        }
    }
}
