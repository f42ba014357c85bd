global using Intelligence.Contracts.Validation;
