namespace CustomerFunctions.Core.Products;

/// <summary>Where a customer stands with one product; the account's stage follows from these (<see cref="StageRules"/>).</summary>
public enum ProductStatus { NotActivated, Trial, Active, Paused, TrialEnd, Deleted }
