export * from './cars.module';
export * from './cars/car';
export * from './cars/car.service';
export * from './catalog/car-model';
export * from './catalog/car-catalog.service';
