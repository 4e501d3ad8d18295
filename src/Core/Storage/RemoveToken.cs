namespace CustomerFunctions.Core.Storage;

/// <summary>Forget a token hash that no longer works.</summary>
public sealed record RemoveToken(string Purpose, string TokenHash) : SideEffect<IndexTable>
{
    public override Task RunAsync(string accountId, IndexTable index, CancellationToken cancellationToken) =>
        index.RemovePointerAsync(IndexTable.Token(Purpose, TokenHash), cancellationToken);
}
