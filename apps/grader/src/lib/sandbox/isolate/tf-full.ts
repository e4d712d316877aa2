// The "full" sandbox flavour: the @tensorflow/tfjs union students import (core, cpu backend,
// layers, converter, data). Used when a submission or its harness touches layers/models/data.
export * from "@tensorflow/tfjs";
