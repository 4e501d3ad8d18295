using Azure.Data.Tables;

namespace CustomerFunctions.Core.Deletion;

/// <summary>Erases the personal values of one stored row in place; true when the row changed and must be written back.</summary>
public delegate bool Scrubber(TableEntity row);
