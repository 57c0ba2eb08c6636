namespace Kfp.Emulator.Kube.Protobuf;

/// <summary>
/// Field numbers of the core/v1 and meta/v1 messages kubectl's typed clients send (k8s.io/api generated.proto),
/// limited to the four kinds the emulator serves.
/// </summary>
internal static class ProtoSchemas
{
    private static readonly Dictionary<int, ProtoField> OwnerReference = new()
    {
        [1] = new("kind", ProtoKind.String),
        [3] = new("name", ProtoKind.String),
        [4] = new("uid", ProtoKind.String),
        [5] = new("apiVersion", ProtoKind.String),
        [6] = new("controller", ProtoKind.Bool),
        [7] = new("blockOwnerDeletion", ProtoKind.Bool),
    };

    private static readonly Dictionary<int, ProtoField> ManagedFieldsEntry = new()
    {
        [1] = new("manager", ProtoKind.String),
        [2] = new("operation", ProtoKind.String),
        [3] = new("apiVersion", ProtoKind.String),
        [4] = new("time", ProtoKind.Time),
        [6] = new("fieldsType", ProtoKind.String),
        [7] = new("fieldsV1", ProtoKind.RawJson),
        [8] = new("subresource", ProtoKind.String),
    };

    private static readonly Dictionary<int, ProtoField> ObjectMeta = new()
    {
        [1] = new("name", ProtoKind.String),
        [2] = new("generateName", ProtoKind.String),
        [3] = new("namespace", ProtoKind.String),
        [5] = new("uid", ProtoKind.String),
        [6] = new("resourceVersion", ProtoKind.String),
        [7] = new("generation", ProtoKind.Int),
        [8] = new("creationTimestamp", ProtoKind.Time),
        [9] = new("deletionTimestamp", ProtoKind.Time),
        [10] = new("deletionGracePeriodSeconds", ProtoKind.Int),
        [11] = new("labels", ProtoKind.StringMap),
        [12] = new("annotations", ProtoKind.StringMap),
        [13] = new("ownerReferences", ProtoKind.Message, true, OwnerReference),
        [14] = new("finalizers", ProtoKind.String, true),
        [17] = new("managedFields", ProtoKind.Message, true, ManagedFieldsEntry),
    };

    private static readonly Dictionary<int, ProtoField> ObjectReference = new()
    {
        [1] = new("kind", ProtoKind.String),
        [2] = new("namespace", ProtoKind.String),
        [3] = new("name", ProtoKind.String),
        [4] = new("uid", ProtoKind.String),
        [5] = new("apiVersion", ProtoKind.String),
        [6] = new("resourceVersion", ProtoKind.String),
        [7] = new("fieldPath", ProtoKind.String),
    };

    private static readonly Dictionary<int, ProtoField> LocalObjectReference = new() { [1] = new("name", ProtoKind.String) };

    public static readonly Dictionary<int, ProtoField> Secret = new()
    {
        [1] = new("metadata", ProtoKind.Message, false, ObjectMeta),
        [2] = new("data", ProtoKind.BytesMap),
        [3] = new("type", ProtoKind.String),
        [4] = new("stringData", ProtoKind.StringMap),
        [5] = new("immutable", ProtoKind.Bool),
    };

    public static readonly Dictionary<int, ProtoField> ConfigMap = new()
    {
        [1] = new("metadata", ProtoKind.Message, false, ObjectMeta),
        [2] = new("data", ProtoKind.StringMap),
        [3] = new("binaryData", ProtoKind.BytesMap),
        [4] = new("immutable", ProtoKind.Bool),
    };

    public static readonly Dictionary<int, ProtoField> ServiceAccount = new()
    {
        [1] = new("metadata", ProtoKind.Message, false, ObjectMeta),
        [2] = new("secrets", ProtoKind.Message, true, ObjectReference),
        [3] = new("imagePullSecrets", ProtoKind.Message, true, LocalObjectReference),
        [4] = new("automountServiceAccountToken", ProtoKind.Bool),
    };

    public static readonly Dictionary<int, ProtoField> Namespace = new()
    {
        [1] = new("metadata", ProtoKind.Message, false, ObjectMeta),
        [2] = new("spec", ProtoKind.Message, false, new Dictionary<int, ProtoField> { [1] = new("finalizers", ProtoKind.String, true) }),
    };

    public static readonly Dictionary<int, ProtoField> DeleteOptions = new()
    {
        [1] = new("gracePeriodSeconds", ProtoKind.Int),
        [2] = new("preconditions", ProtoKind.Message, false, new Dictionary<int, ProtoField>
        {
            [1] = new("uid", ProtoKind.String),
            [2] = new("resourceVersion", ProtoKind.String),
        }),
        [3] = new("orphanDependents", ProtoKind.Bool),
        [4] = new("propagationPolicy", ProtoKind.String),
        [5] = new("dryRun", ProtoKind.String, true),
    };

    public static IReadOnlyDictionary<int, ProtoField>? For(string kind) => kind switch
    {
        "Secret" => Secret,
        "ConfigMap" => ConfigMap,
        "ServiceAccount" => ServiceAccount,
        "Namespace" => Namespace,
        "DeleteOptions" => DeleteOptions,
        _ => null,
    };
}
