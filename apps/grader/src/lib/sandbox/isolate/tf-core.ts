// The "core" sandbox flavour: tfjs-core with chained tensor methods and the cpu backend only;
// about a third of the union's start-up cost. Used when a submission needs nothing else.
import "@tensorflow/tfjs-core/dist/public/chained_ops/register_all_chained_ops";
import "@tensorflow/tfjs-backend-cpu";
export * from "@tensorflow/tfjs-core";
