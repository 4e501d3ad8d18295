using Azure;

namespace CustomerFunctions.Core.Storage;

/// <summary>A row read from storage: its value, its key and the ETag a later write must match.</summary>
public sealed record Stored<T>(T Value, string RowKey, ETag ETag);
